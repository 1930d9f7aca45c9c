/**
 * The kill test on the embedded store: steady traffic through a real
 * server process, `kill -9`, a restart on the same data directory, and
 * every contact created before the kill accounted for — answered,
 * abandoned or still waiting in its original order — with no contact
 * offered to two agents and every offer ended at most once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPasswords } from '../../engine/demo-config.js';
import type { ContactRecord, OfferRecord } from '../../engine/records.js';

interface Server {
  url: string;
  child: ChildProcess;
}

const dataDir = mkdtempSync(join(tmpdir(), 'kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `engine/server.ts` as its own process and waits for it to listen. */
function start(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/server.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (!line) return;
      clearTimeout(timer);
      resolve({ url: (JSON.parse(line) as { url: string }).url, child });
    });
  });
}

async function call(url: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function login(url: string, username: string, password: string): Promise<string> {
  const res = await call(url, 'POST', '/api/login', undefined, { username, password });
  return res.body.token as string;
}

/** Contact id → the agent it rings at, for the contacts ringing now. */
async function ringing(url: string, token: string, ids: string[]): Promise<Record<string, string>> {
  const views = await Promise.all(ids.map((id) => call(url, 'GET', `/api/contacts/${id}`, token)));
  return Object.fromEntries(
    views
      .filter((v) => v.body.state === 'offered')
      .map((v) => [v.body.contactId, v.body.offeredTo]),
  );
}

/** No contact rang at two agents at once, and each offer ended once. */
function checkOffers(offers: OfferRecord[], id: string): void {
  const ids = offers.map((o) => o.offerId);
  expect(new Set(ids).size, `offer ids of ${id}`).toBe(ids.length);
  const sorted = [...offers].sort((a, b) => a.offeredAt - b.offeredAt);
  sorted.forEach((o, i) => {
    const next = sorted[i + 1];
    if (next) expect(o.endedAt, `${o.offerId} ended before the next offer`).not.toBeNull();
    if (next) expect(o.endedAt!).toBeLessThanOrEqual(next.offeredAt);
  });
}

describe('kill -9 and restart on SQLite', () => {
  it('accounts for every contact created before the kill', async () => {
    const first = await start();
    const agents = await Promise.all(
      ['agent3', 'agent5'].map((u) => login(first.url, u, demoPasswords.agent)),
    );
    for (const token of agents) {
      await call(first.url, 'POST', '/api/agent/login', token);
      await call(first.url, 'POST', '/api/agent/ready', token);
    }
    const created: string[] = [];
    for (let i = 0; i < 24; i += 1) {
      const res = await call(first.url, 'POST', '/api/contacts', undefined, {
        channel: 'voice',
        queueId: 'billing',
        customer: { name: `Caller ${i}`, email: `caller${i}@example.com` },
      });
      expect(res.status).toBe(201);
      created.push(res.body.contactId);
      if (i === 6) {
        // Agents take what rings for them, then the traffic keeps coming.
        for (const token of agents) {
          const me = await call(first.url, 'GET', '/api/agent/me', token);
          for (const offer of me.body.offers ?? []) {
            await call(first.url, 'POST', `/api/agent/contacts/${offer.contactId}/accept`, token);
          }
        }
      }
    }
    const sup = await login(first.url, 'supervisor1', demoPasswords.supervisor);
    const before = (await call(first.url, 'GET', '/api/queues/billing/contacts', sup)).body as {
      contactId: string;
    }[];
    const ringingBefore = await ringing(first.url, sup, created);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const second = await start();
    const sup2 = await login(second.url, 'supervisor1', demoPasswords.supervisor);
    const after = (await call(second.url, 'GET', '/api/queues/billing/contacts', sup2)).body as {
      contactId: string;
    }[];
    const views = await Promise.all(
      created.map((id) => call(second.url, 'GET', `/api/contacts/${id}`, sup2)),
    );
    const ringingAfter = await ringing(second.url, sup2, created);
    const records = (await call(second.url, 'GET', '/api/contact-records?limit=1000', sup2))
      .body as ContactRecord[];
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));

    expect(views.map((v) => v.status)).toEqual(created.map(() => 200));
    const states = views.map((v) => v.body.state as string);
    expect(
      states.every((s) =>
        ['queued', 'offered', 'connected', 'wrapUp', 'completed', 'abandoned'].includes(s),
      ),
    ).toBe(true);
    // Still waiting: the same contacts, in the same order, as before the kill.
    expect(after.map((c) => c.contactId)).toEqual(before.map((c) => c.contactId));
    expect(before.length).toBeGreaterThan(10);
    for (const r of records) checkOffers(r.offers, r.id);
    // An offer ringing at the kill is resumed: same contact, same agent.
    expect(ringingAfter).toEqual(ringingBefore);
    expect(Object.keys(ringingBefore).length).toBeGreaterThan(0);
  }, 90_000);
});
