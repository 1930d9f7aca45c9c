/**
 * Serves the built pages (web/dist, from `npm run web:build`) from the API
 * server: files as they are, and index.html for any other page path so
 * that /agent, /supervisor/… load the single-page app. API paths are never
 * answered here. Pages go out with a Content-Security-Policy that allows
 * only this origin's scripts, styles and sockets: no inline script, no eval.
 *
 * Mount it after the API routes: `app.use(webPages())`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';

export interface WebPagesOptions {
  /** The built pages; default web/dist beside this file. */
  root?: string;
  /** Path prefixes left to the API; default /api and /healthz. */
  apiPrefixes?: string[];
}

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

export function webPages(options: WebPagesOptions = {}): MiddlewareHandler {
  const root = options.root ?? fileURLToPath(new URL('./dist', import.meta.url));
  const apiPrefixes = options.apiPrefixes ?? ['/api', '/healthz'];
  const indexPath = join(root, 'index.html');
  let files: MiddlewareHandler | null = null;

  return async function serveWebPages(c, next) {
    const path = c.req.path;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (apiPrefixes.some((p) => path === p || path.startsWith(`${p}/`))) return next();
    // Not built (yet): leave the request to the API's 404.
    if (!existsSync(indexPath)) return next();

    files ??= serveStatic({ root });
    const found = await files(c, async () => undefined);
    if (found instanceof Response) return withHeaders(found, path);

    // A missing file (anything with an extension) is a 404; other paths are pages.
    if (/\.[A-Za-z0-9]+$/.test(path)) return next();
    return withHeaders(await indexPage(c, indexPath), path);
  };
}

async function indexPage(c: Context, indexPath: string): Promise<Response> {
  const html = await readFile(indexPath, 'utf8');
  return c.html(c.req.method === 'HEAD' ? '' : html, 200);
}

function withHeaders(response: Response, path: string): Response {
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  // Vite gives files under /assets/ content-hashed names: they never change.
  const immutable = path.startsWith('/assets/');
  response.headers.set(
    'cache-control',
    immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
  return response;
}
