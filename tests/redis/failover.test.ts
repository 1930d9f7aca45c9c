/**
 * Fail-over between two server processes on one Redis center: the first
 * holds the lease and serves, the second waits as a standby without
 * listening; after `kill -9` of the first, the second takes the lease
 * within 5 s of its expiry and serves every contact as it was — each one
 * readable in the same state, the waiting ones in the same order — and
 * its WebSocket delivers events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { demoPasswords } from '../../engine/demo-config.js';
import { connectRedis } from '../../engine/redis/redis-connection.js';
import { call, login, spawnServer, type ServerProcess } from '../e2e/server-process.js';
import { deleteKeys, redisAnswers, redisUrl, suiteTitle, uniquePrefix } from './redis-test-kit.js';

const reachable = await redisAnswers();
const leaseMs = 2_000;

describe.skipIf(!reachable)(suiteTitle('fail-over to a standby engine', reachable), () => {
  const prefixes: string[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'failover-'));
  const processes: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    const client = await connectRedis(redisUrl);
    for (const prefix of prefixes) await deleteKeys(client, prefix);
    await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function center(): string {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    return prefix;
  }

  function engine(id: string, prefix: string): ServerProcess {
    const server = spawnServer({
      DATA_DIR: dataDir,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      ENGINE_ID: id,
      LEASE_MS: String(leaseMs),
    });
    processes.push(server);
    return server;
  }

  it('lets the standby take over within 5 s of lease expiry and lose no contact', async () => {
    const prefix = center();
    const active = engine('engine-a', prefix);
    const first = await active.listening;
    const standby = engine('engine-b', prefix);
    await standby.logged('waiting for the center lease');
    await new Promise((r) => setTimeout(r, leaseMs)); // several polls of the standby

    expect(standby.hasLogged('listening')).toBe(false);
    const created = await driveTraffic(first);
    const sup = await login(first, 'supervisor1', demoPasswords.supervisor);
    const queueBefore = await queued(first, sup);
    const statesBefore = await states(first, sup, created);

    const killedAt = Date.now();
    await active.stop('SIGKILL');
    const second = await standby.listening;
    const tookMs = Date.now() - killedAt;

    const sup2 = await login(second, 'supervisor1', demoPasswords.supervisor);
    const live = await subscribe(second, sup2);
    const statesAfter = await states(second, sup2, created);
    const queueAfter = await queued(second, sup2);
    const next = await call(second, 'POST', '/api/contacts', undefined, {
      channel: 'chat',
      queueId: 'sales',
      customer: { name: 'After the fail-over', email: 'after@example.com' },
    });
    const event = await live.eventAbout(next.body.contactId as string);
    live.socket.close();

    expect(tookMs).toBeLessThan(leaseMs + 5_000);
    expect(statesAfter).toEqual(statesBefore);
    expect(queueAfter).toEqual(queueBefore);
    expect(queueBefore.length).toBeGreaterThan(3);
    expect(Object.values(statesBefore)).toContain('connected');
    expect(next.status).toBe(201);
    expect(event).toMatchObject({ kind: 'event' });
  }, 40_000);

  it('closes its server and exits non-zero when another engine takes its lease', async () => {
    const prefix = center();
    const deposed = engine('engine-c', prefix);
    const url = await deposed.listening;
    const client = await connectRedis(redisUrl);

    // What a standby does when it wins a lapsed lease: new holder, new token.
    await client.set(`${prefix}lease`, 'engine-d', { PX: 60_000 });
    await client.incr(`${prefix}fence`);
    const code = await deposed.exited;
    await client.close();
    const refused = await fetch(`${url}/api/health`).catch((err: unknown) => err);

    expect(code).toBe(1);
    expect(deposed.hasLogged('deposed: exiting')).toBe(true);
    expect(refused).toBeInstanceOf(Error);
  }, 20_000);
});

/** Two agents take what rings for them while a dozen callers come in. */
async function driveTraffic(url: string): Promise<string[]> {
  const agents = await Promise.all(
    ['agent1', 'agent2'].map((u) => login(url, u, demoPasswords.agent)),
  );
  for (const token of agents) {
    await call(url, 'POST', '/api/agent/login', token);
    await call(url, 'POST', '/api/agent/ready', token);
  }
  const created: string[] = [];
  for (let i = 0; i < 12; i += 1) {
    const res = await call(url, 'POST', '/api/contacts', undefined, {
      channel: 'voice',
      queueId: 'billing',
      customer: { name: `Caller ${i}`, email: `caller${i}@example.com` },
    });
    expect(res.status).toBe(201);
    created.push(res.body.contactId as string);
    if (i !== 3) continue;
    for (const token of agents) {
      const me = await call(url, 'GET', '/api/agent/me', token);
      for (const offer of me.body.workload.offers) {
        await call(url, 'POST', `/api/agent/contacts/${offer.contactId}/accept`, token);
      }
    }
  }
  return created;
}

async function queued(url: string, token: string): Promise<string[]> {
  const res = await call(url, 'GET', '/api/queues/billing/contacts', token);
  return (res.body as { contactId: string }[]).map((c) => c.contactId);
}

/** Contact id → state; a contact that cannot be read shows its HTTP status. */
async function states(url: string, token: string, ids: string[]): Promise<Record<string, string>> {
  const views = await Promise.all(ids.map((id) => call(url, 'GET', `/api/contacts/${id}`, token)));
  return Object.fromEntries(
    views.map((v, i) => [ids[i], v.status === 200 ? v.body.state : `HTTP ${v.status}`]),
  );
}

/** A supervisor's live socket that can wait for an event about one contact. */
async function subscribe(url: string, token: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/api/ws?token=${token}`);
  const frames: string[] = [];
  socket.on('message', (data) => frames.push(data.toString()));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    socket,
    async eventAbout(contactId: string): Promise<unknown> {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const frame = frames.find((f) => f.includes('"kind":"event"') && f.includes(contactId));
        if (frame) return JSON.parse(frame) as unknown;
        if (Date.now() > deadline) throw new Error(`no event about ${contactId} within 5 s`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}
