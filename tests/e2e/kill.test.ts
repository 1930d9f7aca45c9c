/**
 * The kill test, on the embedded store and on Redis: steady traffic
 * through a real server process, `kill -9`, a restart on the same data
 * (directory, or Redis prefix), and every contact created before the kill
 * accounted for — answered, abandoned or still waiting in its original
 * order — with no contact offered to two agents and every offer ended at
 * most once. The Redis run uses a prefix of its own, deleted afterwards,
 * and is skipped (saying so) when no Redis answers.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPasswords } from '../../engine/demo-config.js';
import { connectRedis } from '../../engine/redis/redis-connection.js';
import type { ContactRecord, OfferRecord } from '../../engine/records.js';
import { deleteKeys, redisAnswers, redisUrl } from '../redis/redis-test-kit.js';
import { call, login, spawnServer, type ServerProcess } from './server-process.js';

interface Server {
  url: string;
  child: ServerProcess;
}

const dataDir = mkdtempSync(join(tmpdir(), 'kill-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const reachable = await redisAnswers();
const prefix = `sbtest:{kill-${randomUUID()}}:`;
afterAll(async () => {
  if (!reachable) return;
  const client = await connectRedis(redisUrl);
  await deleteKeys(client, prefix);
  await client.close();
});

const backends: { name: string; env: Record<string, string>; skip: boolean }[] = [
  { name: 'SQLite', env: { DATA_DIR: dataDir }, skip: false },
  {
    name: reachable ? 'Redis' : `Redis (skipped: no Redis answers at ${redisUrl})`,
    env: { DATA_DIR: dataDir, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, LEASE_MS: '2000' },
    skip: !reachable,
  },
];

/** Starts `engine/server.ts` as its own process and waits for it to listen. */
async function start(env: Record<string, string>): Promise<Server> {
  const child = spawnServer(env);
  return { url: await child.listening, child };
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

describe.each(backends)('kill -9 and restart on $name', ({ env, skip }) => {
  it.skipIf(skip)(
    'accounts for every contact created before the kill',
    async () => {
      const first = await start(env);
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
            for (const offer of me.body.workload.offers) {
              await call(first.url, 'POST', `/api/agent/contacts/${offer.contactId}/accept`, token);
            }
          }
          // One more agent, who lets the next contact ring through the kill.
          const late = await login(first.url, 'agent2', demoPasswords.agent);
          await call(first.url, 'POST', '/api/agent/login', late);
          await call(first.url, 'POST', '/api/agent/ready', late);
        }
      }
      const sup = await login(first.url, 'supervisor1', demoPasswords.supervisor);
      const before = (await call(first.url, 'GET', '/api/queues/billing/contacts', sup)).body as {
        contactId: string;
      }[];
      const ringingBefore = await ringing(first.url, sup, created);

      await first.child.stop('SIGKILL');
      const second = await start(env);
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
      await second.child.stop('SIGTERM');

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
      expect(states).toContain('connected');
      for (const r of records) checkOffers(r.offers, r.id);
      // An offer ringing at the kill is resumed: same contact, same agent.
      expect(ringingAfter).toEqual(ringingBefore);
      expect(Object.keys(ringingBefore).length).toBeGreaterThan(0);
    },
    90_000,
  );
});
