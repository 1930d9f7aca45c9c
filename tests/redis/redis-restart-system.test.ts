/**
 * Redis crashes and comes back under a running system: one engine process
 * and one API node (`ROLE=api`) on a redis-server of the test's own (with
 * an fsynced append-only file), customers opening contacts through the
 * node, an agent answering, a supervisor's live socket through the node.
 * Redis is killed with `kill -9` for about 3 s, shorter than the lease, and
 * started again on the same port and data. Without help the system serves
 * again within 10 s; the engine kept its lease; every contact acknowledged
 * with 201, before, during or after the outage, exists exactly once; and
 * the live socket, closed with 1012 and reconnecting with `since`, saw no
 * seq twice or backwards, and the creation of every contact whose request
 * it could not have been told of by a snapshot.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPasswords } from '../../engine/demo-config.js';
import { Agents, census, contactsOf, Customers } from '../e2e/center-traffic.js';
import { tryCall } from '../e2e/server-process.js';
import { firstOf, LiveClient, routingProblems } from '../e2e/live-client.js';
import { login, spawnServer, type ServerProcess } from '../e2e/server-process.js';
import { OwnRedisServer, redisServerInstalled } from './own-redis-server.js';
import { eventually, uniquePrefix } from './redis-test-kit.js';

const installed = redisServerInstalled();
const title = 'a Redis restart under an engine and an API node';
const leaseMs = 10_000;
const outageMs = 3_000;
/** So that one test address opening a contact every 200 ms is never rate-limited. */
const limits = { CONTACT_RATE_PER_MIN: '100000', CONTACT_RATE_BURST: '100000' };

describe.skipIf(!installed)(
  installed ? title : `${title} (skipped: no redis-server binary to start one of our own)`,
  () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'redis-restart-system-'));
    const prefix = uniquePrefix();
    const processes: ServerProcess[] = [];
    const sockets: LiveClient[] = [];
    let redis: OwnRedisServer | null = null;
    let customers: Customers | null = null;
    let agents: Agents | null = null;

    afterAll(async () => {
      await customers?.stop();
      await agents?.stop();
      await Promise.all(sockets.map((s) => s.close()));
      await Promise.all(processes.map((p) => p.stop('SIGKILL')));
      await redis?.remove(); // its keys go with it
      rmSync(dataDir, { recursive: true, force: true });
    });

    function start(server: OwnRedisServer, env: Record<string, string>): ServerProcess {
      const child = spawnServer({
        DATA_DIR: dataDir,
        REDIS_URL: server.url,
        REDIS_PREFIX: prefix,
        ...limits,
        ...env,
      });
      processes.push(child);
      return child;
    }

    it('recovers by itself and loses, repeats and reorders nothing acknowledged', async () => {
      const own = await OwnRedisServer.start();
      redis = own;
      const engine = start(own, { ENGINE_ID: 'engine-1', LEASE_MS: String(leaseMs) });
      await engine.listening;
      const apiNode = start(own, { ROLE: 'api', NODE_ID: 'api-1', FORWARD_TIMEOUT_MS: '8000' });
      const node = await apiNode.listening;

      const supervisor = await login(node, 'supervisor1', demoPasswords.supervisor);
      const live = await LiveClient.open(node, supervisor);
      sockets.push(live);
      agents = await Agents.start([{ url: node, username: 'agent1' }]);
      const load = new Customers([node], 'billing', 15_000);
      customers = load;
      load.start(200);
      await eventually(() => load.acknowledged.length >= 8, 10_000, '8 contacts before the outage');

      const killedAt = Date.now();
      await own.kill();
      await new Promise((r) => setTimeout(r, outageMs)); // the outage itself
      await own.restart();
      const backAt = Date.now();
      const firstAfter = await load.createUntilAccepted(0, 15_000);
      const servedAgainMs = firstAfter.answeredAt! - backAt;
      await eventually(
        () => load.acknowledged.filter((a) => a.sentAt > firstAfter.answeredAt!).length >= 8,
        10_000,
        '8 contacts after the outage',
      );
      await load.stop();
      await agents.stop();
      const acked = load.acknowledged;
      const ids = acked.map((a) => a.contactId!);

      // What the socket must have seen: the creation of each contact it was
      // not told of by a snapshot, that is each one asked for after its last.
      const lastSnapshotAt = live.snapshots.at(-1)!.receivedAt;
      const mustSee = acked.filter((a) => a.sentAt > lastSnapshotAt).map((a) => a.contactId!);
      await eventually(
        () => mustSee.every((id) => live.createdContacts().has(id)),
        10_000,
        'the creation events',
      ).catch(() => {});

      const views = await Promise.all(
        ids.map((id) => tryCall(node, 'GET', `/api/contacts/${id}`, supervisor)),
      );
      const center = await census(node, supervisor);
      const lost = views.flatMap((v, i) => (v.status === 200 ? [] : [`${ids[i]}: ${v.status}`]));
      const twice = views.flatMap((v, i) => {
        if (v.status !== 200) return [];
        const made = contactsOf(center, v.body.customerId as string);
        return made.length === 1 && made[0] === ids[i] ? [] : [`${acked[i]!.email}: ${made}`];
      });
      const socket = JSON.stringify({
        closes: live.closes,
        resyncSnapshots: live.resyncSnapshots.map((s) => ({ seq: s.seq, after: s.after })),
        highest: live.highest,
      });
      const context = JSON.stringify({
        failures: load.failures(),
        servedAgainMs,
        ackedDuringOutage: acked.filter((a) => a.sentAt >= killedAt && a.sentAt < backAt).length,
      });

      expect.soft(agents.accepted.size, 'contacts the agent answered').toBeGreaterThan(0);
      expect.soft(servedAgainMs, context).toBeLessThan(10_000);
      expect.soft(engine.child.exitCode, 'the engine still runs').toBeNull();
      expect.soft(engine.hasLogged('deposed: exiting'), 'the engine kept its lease').toBe(false);
      expect.soft(lost, `acknowledged contacts that cannot be read; ${context}`).toEqual([]);
      expect
        .soft(twice, 'acknowledged requests that made other than exactly that contact')
        .toEqual([]);
      expect
        .soft(
          live.closes.filter((c) => c.code === 1012 && c.at >= killedAt).length,
          `a 1012 close once Redis was back: ${socket}`,
        )
        .toBeGreaterThanOrEqual(1);
      expect.soft(live.isOpen, `reconnected: ${socket}`).toBe(true);
      expect.soft(firstOf(live.problems), `seqs seen twice or backwards: ${socket}`).toEqual({
        count: 0,
        first: [],
      });
      expect.soft(routingProblems(live.messages)).toEqual([]);
      expect
        .soft(mustSee.length, `contacts asked for after the last snapshot: ${socket}`)
        .toBeGreaterThan(0);
      expect
        .soft(
          mustSee.filter((id) => !live.createdContacts().has(id)),
          `creation events missed: ${socket}`,
        )
        .toEqual([]);
    }, 60_000);
  },
);
