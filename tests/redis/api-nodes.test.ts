/**
 * API nodes in front of an engine that fails over, as processes: two
 * engines on one Redis center (one active, one standby) and two API nodes
 * (`ROLE=api`) that forward every request and live socket to whichever
 * engine holds the lease. Customers open contacts through both nodes,
 * agents answer, and a supervisor follows the events on a live socket
 * through each node; each of those sockets drops once and resumes with
 * `since`, as the web pages do. Mid-load the active engine is killed with
 * `kill -9`: the standby takes over and both nodes serve again within the
 * lease plus 5 s; no contact acknowledged with 201 is lost or made twice;
 * no contact rings at two agents at once or is answered twice; and both
 * sockets, closed with 1012 and reconnecting with `since`, see the very
 * same events, none twice, none backwards, and the creation of every
 * contact.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPasswords } from '../../engine/demo-config.js';
import { connectRedis } from '../../engine/redis/redis-connection.js';
import { Agents, census, contactsOf, Customers, overlappingOffers } from '../e2e/center-traffic.js';
import { firstOf, LiveClient, routingProblems } from '../e2e/live-client.js';
import { login, spawnServer, tryCall, type ServerProcess } from '../e2e/server-process.js';
import {
  deleteKeys,
  eventually,
  redisAnswers,
  redisUrl,
  suiteTitle,
  uniquePrefix,
} from './redis-test-kit.js';

const reachable = await redisAnswers();
const leaseMs = 2_000;
/** So that one test address opening a contact every 150 ms is never rate-limited. */
const limits = { CONTACT_RATE_PER_MIN: '100000', CONTACT_RATE_BURST: '100000' };

describe.skipIf(!reachable)(suiteTitle('API nodes through an engine fail-over', reachable), () => {
  const prefix = uniquePrefix();
  const dataDir = mkdtempSync(join(tmpdir(), 'api-nodes-'));
  const processes: ServerProcess[] = [];
  const sockets: LiveClient[] = [];
  let customers: Customers | null = null;
  let agents: Agents | null = null;

  afterAll(async () => {
    await customers?.stop();
    await agents?.stop();
    await Promise.all(sockets.map((s) => s.close()));
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    const client = await connectRedis(redisUrl);
    await deleteKeys(client, prefix);
    await client.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  function start(env: Record<string, string>): ServerProcess {
    const server = spawnServer({
      DATA_DIR: dataDir,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      ...limits,
      ...env,
    });
    processes.push(server);
    return server;
  }

  it('serves through both nodes again within the lease plus 5 s, losing and repeating nothing', async () => {
    const engineA = start({ ENGINE_ID: 'engine-a', LEASE_MS: String(leaseMs) });
    await engineA.listening;
    const engineB = start({ ENGINE_ID: 'engine-b', LEASE_MS: String(leaseMs) });
    const apiNodes = [1, 2].map((n) =>
      start({ ROLE: 'api', NODE_ID: `api-${n}`, FORWARD_TIMEOUT_MS: '10000' }),
    );
    const nodes = await Promise.all(apiNodes.map((n) => n.listening));
    await engineB.logged('waiting for the center lease');

    const supervisors = await Promise.all([
      login(nodes[0]!, 'supervisor1', demoPasswords.supervisor),
      login(nodes[1]!, 'supervisor2', demoPasswords.supervisor),
    ]);
    const live = await Promise.all(nodes.map((url, i) => LiveClient.open(url, supervisors[i]!)));
    sockets.push(...live);
    agents = await Agents.start([
      { url: nodes[0]!, username: 'agent1' },
      { url: nodes[1]!, username: 'agent2' },
      { url: nodes[0]!, username: 'agent7' },
      { url: nodes[1]!, username: 'agent9' },
    ]);
    const load = new Customers(nodes, 'billing', 20_000);
    customers = load;
    load.start(150);
    await eventually(() => load.acknowledged.length >= 8, 10_000, '8 contacts');
    // Each page's connection drops once; it resumes with `since`, as the web pages do.
    for (const page of live) {
      page.drop();
      await page.until(() => page.connections === 2, 5_000, 'resumed socket');
    }
    await eventually(() => load.acknowledged.length >= 16, 10_000, '16 contacts before the kill');
    const ackedBeforeKill = load.acknowledged.length;

    const takenOverAt = engineB.listening.then(() => Date.now());
    const killedAt = Date.now();
    await engineA.stop('SIGKILL');
    const firstAfter = await Promise.all(
      [0, 1].map((node) => load.createUntilAccepted(node, leaseMs + 10_000)),
    );
    const servedAgainMs = firstAfter.map((a) => a.answeredAt! - killedAt);
    const takeoverMs = (await takenOverAt) - killedAt;
    // Load goes on through the new engine for a few seconds more.
    const recoveredAt = Math.max(...firstAfter.map((a) => a.answeredAt!));
    await eventually(
      () => load.acknowledged.filter((a) => a.sentAt > recoveredAt).length >= 15,
      10_000,
      '15 contacts after the fail-over',
    );
    await load.stop();
    await agents.stop();
    const acked = load.acknowledged;
    const ids = acked.map((a) => a.contactId!);

    // Both sockets catch up on every contact's creation (or the check below says what is missing).
    const sawAll = (c: LiveClient) => ids.every((id) => c.createdContacts().has(id));
    await eventually(() => live.every(sawAll), 10_000, 'the creation events').catch(() => {});
    await eventually(() => live[0]!.highest === live[1]!.highest, 3_000).catch(() => {});

    const views = await Promise.all(
      ids.map((id, i) => tryCall(nodes[i % 2]!, 'GET', `/api/contacts/${id}`, supervisors[i % 2])),
    );
    const center = await census(nodes[0]!, supervisors[0]!);
    const lost = views.flatMap((v, i) => (v.status === 200 ? [] : [`${ids[i]}: ${v.status}`]));
    const twice = views.flatMap((v, i) => {
      if (v.status !== 200) return [];
      const made = contactsOf(center, v.body.customerId as string);
      return made.length === 1 && made[0] === ids[i] ? [] : [`${acked[i]!.email}: ${made}`];
    });

    const from = Math.max(...live.map((c) => c.snapshots[0]!.seq));
    const to = Math.min(...live.map((c) => c.highest));
    const window = (c: LiveClient) => c.seqs().filter((s) => s > from && s <= to);
    const unseen = (c: LiveClient) => ids.filter((id) => !c.createdContacts().has(id));
    const describeSocket = (c: LiveClient) =>
      JSON.stringify({
        url: c.url,
        closes: c.closes,
        resyncSnapshots: c.resyncSnapshots.map((s) => ({ seq: s.seq, after: s.after })),
        highest: c.highest,
      });
    const context = JSON.stringify({ failures: load.failures(), servedAgainMs, takeoverMs });

    expect.soft(ackedBeforeKill).toBeGreaterThanOrEqual(16);
    expect.soft(agents.accepted.size, 'contacts agents answered').toBeGreaterThan(5);
    expect.soft(agents.ended.size, 'calls agents ended').toBeGreaterThan(0);
    expect.soft(takeoverMs, context).toBeLessThan(leaseMs + 5_000);
    for (const ms of servedAgainMs) expect.soft(ms, context).toBeLessThan(leaseMs + 5_000);
    expect.soft(lost, `acknowledged contacts that cannot be read; ${context}`).toEqual([]);
    expect
      .soft(twice, 'acknowledged requests that made other than exactly that contact')
      .toEqual([]);
    expect.soft(overlappingOffers(center.records)).toEqual([]);
    for (const c of live) {
      expect
        .soft(
          c.closes.filter((x) => x.code === 1012 && x.at >= killedAt).length,
          `a 1012 close after the kill: ${describeSocket(c)}`,
        )
        .toBeGreaterThanOrEqual(1);
      expect.soft(c.isOpen, `reconnected: ${describeSocket(c)}`).toBe(true);
      expect
        .soft(firstOf(c.problems), `seqs seen twice or backwards: ${describeSocket(c)}`)
        .toEqual({
          count: 0,
          first: [],
        });
      expect.soft(routingProblems(c.messages)).toEqual([]);
      expect.soft(unseen(c), `creation events missed: ${describeSocket(c)}`).toEqual([]);
    }
    expect.soft(to - from, 'events both sockets saw').toBeGreaterThan(ids.length);
    expect
      .soft(window(live[0]!), `${describeSocket(live[0]!)} vs ${describeSocket(live[1]!)}`)
      .toEqual(window(live[1]!));
  }, 60_000);
});
