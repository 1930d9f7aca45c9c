/**
 * Crash recovery with the journal and store on Redis: the scenario of
 * engine/test/recover.test.ts, where the crash also loses whatever was
 * not yet acknowledged by Redis, and nothing that was.
 */
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../engine/events.js';
import { openCenter } from '../../engine/recover.js';
import { centerKeys } from '../../engine/redis/center-keys.js';
import { FencedWriter } from '../../engine/redis/fenced-writer.js';
import { openRedisCenter } from '../../engine/redis/redis-center.js';
import { RedisJournal } from '../../engine/redis/redis-journal.js';
import { RedisStore } from '../../engine/redis/redis-store.js';
import { harness, simpleConfig, T0 } from '../../engine/test/harness.js';
import { redisAnswers, suiteTitle, useRedis, type RedisTestContext } from './redis-test-kit.js';

const reachable = await redisAnswers();

const config = { ...simpleConfig(2, { ringTimeoutSec: 20, wrapUpSec: 10 }), maxMissedOffers: 2 };

type Center = ReturnType<typeof harness>['center'];
const script: [number, (c: Center) => void][] = [
  [0, (c) => (c.login('a1'), c.ready('a1'))],
  [
    1_000,
    (c) =>
      c.createContact({
        channel: 'voice',
        queueId: 'q',
        id: 'c1',
        customer: { name: 'Ada', email: 'ada@example.com' },
      }),
  ],
  [2_000, (c) => c.createContact({ channel: 'voice', queueId: 'q', id: 'c2' })],
  [2_000, (c) => c.createContact({ channel: 'chat', queueId: 'q', id: 'c3', priority: 1 })],
  [3_000, (c) => (c.login('a2'), c.notReady('a2', 'training'))],
];

function state(center: Center) {
  return {
    queue: center
      .queueContents('q')
      .map((v) => ({ id: v.id, queuedAt: v.record.queuedAt, offers: v.record.offers })),
    agents: ['a1', 'a2'].map((a) => {
      const s = center.agentStatus(a);
      return [s.state, s.reason, s.stateSince, s.offers, s.missedOffers];
    }),
  };
}

/** A store and a journal sharing one writer, as an engine has them. */
async function openDurable(redis: RedisTestContext) {
  const writer = new FencedWriter({
    client: redis.client,
    fenceKey: centerKeys(redis.prefix).fence,
    token: null,
  });
  const store = await RedisStore.open({ client: redis.client, prefix: redis.prefix, writer });
  const journal = await RedisJournal.open({ client: redis.client, prefix: redis.prefix, writer });
  return { writer, store, journal };
}

describe.skipIf(!reachable)(suiteTitle('crash recovery from a Redis journal', reachable), () => {
  const redis = useRedis();

  it('brings back every acknowledged command, loses the unacknowledged one, and fires missed deadlines once', async () => {
    let wall = T0;
    const first = await openDurable(redis);
    const before = openCenter({
      config,
      journal: first.journal,
      store: first.store,
      wallNow: () => wall,
    });
    for (const [offset, act] of script) {
      wall = T0 + offset;
      act(before.center);
    }
    await first.writer.flush();
    wall = T0 + 4_000;
    before.center.ready('a2'); // applied in memory, never acknowledged
    before.clock.stop();
    first.writer.abandon(); // kill -9: the queued batch never leaves

    wall = T0 + 60_000;
    const second = await openDurable(redis);
    const events: DomainEvent[] = [];
    const after = openCenter({
      config,
      journal: second.journal,
      store: second.store,
      wallNow: () => wall,
      beforeReplay: (c) => c.subscribe((e) => events.push(e)),
    });
    const reference = harness(config);
    for (const [offset, act] of script) {
      reference.clock.runUntil(T0 + offset);
      act(reference.center);
    }
    reference.clock.runUntil(T0 + 60_000);

    expect(after.replayed).toBe(7);
    expect(state(after.center)).toEqual(state(reference.center));
    expect(events.map((e) => [e.type, e.seq, e.at])).toEqual(
      reference.events.map((e) => [e.type, e.seq, e.at]),
    );
    expect(after.center.agentStatus('a2')).toMatchObject({ state: 'notReady', reason: 'training' });
    expect(after.center.customerProfile('c1')?.customer).toMatchObject({
      name: 'Ada',
      email: 'ada@example.com',
    });
    expect(state(after.center).queue.map((c) => c.id)).toEqual(['c3', 'c1', 'c2']);
    after.clock.stop();
  });

  it('keeps journaling after a recovery, so a second crash loses nothing acknowledged', async () => {
    let wall = T0;
    const first = await openDurable(redis);
    const one = openCenter({
      config,
      journal: first.journal,
      store: first.store,
      wallNow: () => wall,
    });
    one.center.login('a1');
    await first.writer.flush();
    one.clock.stop();
    first.writer.abandon();

    wall = T0 + 1_000;
    const second = await openDurable(redis);
    const two = openCenter({
      config,
      journal: second.journal,
      store: second.store,
      wallNow: () => wall,
    });
    two.center.ready('a1');
    await second.writer.flush();
    two.clock.stop();
    second.writer.abandon();

    wall = T0 + 2_000;
    const third = await openDurable(redis);
    const three = openCenter({
      config,
      journal: third.journal,
      store: third.store,
      wallNow: () => wall,
    });

    expect(three.replayed).toBe(2);
    expect([...third.journal.entries()].map((e) => [e.n, e.command.type])).toEqual([
      [1, 'agent.login'],
      [2, 'agent.ready'],
    ]);
    expect(three.center.agentStatus('a1')).toMatchObject({
      state: 'ready',
      stateSince: T0 + 1_000,
    });
    three.clock.stop();
  });

  it('lands an append sent twice once, because entry n has the stream id n-0', async () => {
    const { journal } = await openDurable(redis);
    journal.append(T0, { type: 'agent.login', agentId: 'a1' });
    await journal.flush();
    const again = await RedisJournal.open({ client: redis.client, prefix: redis.prefix });
    const stale = await RedisJournal.open({ client: redis.client, prefix: redis.prefix });
    again.append(T0 + 1, { type: 'agent.ready', agentId: 'a1' });
    stale.append(T0 + 1, { type: 'agent.ready', agentId: 'a1' });

    await again.flush();
    await stale.flush();
    const reread = await RedisJournal.open({ client: redis.client, prefix: redis.prefix });

    expect([...reread.entries()].map((e) => e.n)).toEqual([1, 2]);
  });

  it('republishes the events a crash lost, so the stream matches a run that never crashed', async () => {
    let wall = T0;
    const open = () =>
      openRedisCenter({
        client: redis.client,
        prefix: redis.prefix,
        token: null,
        config,
        wallNow: () => wall,
        beforeOpen: (store) =>
          store.findUserByUsername('sup') ??
          store.createUser({
            username: 'sup',
            displayName: 'Sue',
            role: 'supervisor',
            agentId: null,
            passwordHash: 'h',
          }),
      });
    const first = await open();
    first.center.login('a1');
    first.center.ready('a1');
    wall = T0 + 1_000;
    first.center.createContact({ id: 'c1', channel: 'voice', queueId: 'q' }); // rings until T0 + 21 s
    await first.writer.flush();
    wall = T0 + 25_000;
    first.clock.catchUp(); // the ring timeout fires; its events never leave
    first.clock.stop();
    first.writer.abandon();
    await first.commands.stop();
    const lost = await redis.client.xLen(centerKeys(redis.prefix).events);

    wall = T0 + 30_000;
    const second = await open();
    await second.writer.flush();
    const stream = (await redis.client.xRange(centerKeys(redis.prefix).events, '-', '+')) ?? [];
    const reference = harness(config);
    reference.center.login('a1');
    reference.center.ready('a1');
    reference.clock.runUntil(T0 + 1_000);
    reference.center.createContact({ id: 'c1', channel: 'voice', queueId: 'q' });
    reference.clock.runUntil(T0 + 30_000);

    expect(
      stream
        .map((m) => JSON.parse(String(m.message.event)) as DomainEvent)
        .map((e) => [e.seq, e.type, e.at]),
    ).toEqual(reference.events.map((e) => [e.seq, e.type, e.at]));
    expect(lost).toBeLessThan(stream.length);
    expect(
      reference.events.some((e) => e.type === 'contact.offer_ended' && e.outcome === 'timeout'),
    ).toBe(true);
    expect(second.store.listUsers().map((u) => u.username)).toEqual(['sup']);
    await second.stop();
  });
});
