/**
 * The real server, in this process, on a free port, with a fresh data
 * folder (the demo center, its users and customers), and the built pages
 * mounted on it the way `web/serve-static.ts` is meant to be mounted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argon2Hasher, testCost } from '../../../../engine/auth/password-hasher.js';
import { startServer, type RunningServer } from '../../../../engine/http/index.js';
import { silentLogger } from '../../../../engine/index.js';
import { webPages } from '../../../../web/serve-static.js';

export interface TestCenter {
  server: RunningServer;
  url: string;
  stop(): Promise<void>;
}

export async function startCenter(pagesRoot: string): Promise<TestCenter> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logger: silentLogger,
    hasher: argon2Hasher(testCost),
    drainMs: 500,
    pages: webPages({ root: pagesRoot }),
  });
  return {
    server,
    url: server.url,
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in over HTTP and returns the bearer token, for API reads in assertions. */
export async function apiToken(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function apiCall<T>(
  url: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}
