/** Events reach every reader once, in order, from where each started, through lost connections. */
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../engine/events.js';
import { centerKeys } from '../../engine/redis/center-keys.js';
import { EventStreamPublisher } from '../../engine/redis/event-stream-publisher.js';
import { EventStreamReader, type ReadFrom } from '../../engine/redis/event-stream-reader.js';
import { FencedWriter } from '../../engine/redis/fenced-writer.js';
import type { RedisConnection } from '../../engine/redis/redis-connection.js';
import {
  eventually,
  redisAnswers,
  suiteTitle,
  useRedis,
  type RedisTestContext,
} from './redis-test-kit.js';

const reachable = await redisAnswers();

/** An agent-state event; seqs step by 2, since the engine's seqs have gaps too. */
function event(seq: number): DomainEvent {
  return {
    type: 'agent.state',
    seq,
    at: 1_000 + seq,
    agentId: 'a1',
    state: 'ready',
    previous: 'notReady',
    reason: null,
  };
}

async function publisher(redis: RedisTestContext, maxLen?: number) {
  const writer = new FencedWriter({
    client: redis.client,
    fenceKey: centerKeys(redis.prefix).fence,
    token: null,
  });
  const events = await EventStreamPublisher.open({
    client: redis.client,
    prefix: redis.prefix,
    writer,
    ...(maxLen ? { maxLen } : {}),
  });
  return Object.assign(events, { flush: () => writer.flush() });
}

function reader(redis: RedisTestContext, from: ReadFrom, name = 'reader') {
  const seen: number[] = [];
  const r = new EventStreamReader({
    client: redis.client,
    prefix: redis.prefix,
    from,
    name,
    blockMs: 200,
    onEvent: (e) => void seen.push(e.seq),
  });
  return { reader: r, seen };
}

/** Kills the named connection once it is (back) up; returns how many were killed. */
async function killConnection(client: RedisConnection, name: string): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const victims = (await client.clientList()).filter((c) => c.name === name);
    for (const v of victims) await client.sendCommand(['CLIENT', 'KILL', 'ID', String(v.id)]);
    if (victims.length > 0) return victims.length;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return 0;
}

describe.skipIf(!reachable)(suiteTitle('the event stream', reachable), () => {
  const redis = useRedis();

  it('delivers events in order to two readers that start at different seqs', async () => {
    const events = await publisher(redis);
    for (let seq = 2; seq <= 40; seq += 2) events.publish(event(seq));
    await events.flush();
    const all = reader(redis, { seq: 0 });
    const late = reader(redis, { seq: 20 });

    await all.reader.start();
    await late.reader.start();
    for (let seq = 42; seq <= 60; seq += 2) events.publish(event(seq));
    await eventually(
      () => all.seen.length === 30 && late.seen.length === 20,
      5_000,
      'both readers',
    );
    await Promise.all([all.reader.stop(), late.reader.stop()]);

    expect(all.seen).toEqual(Array.from({ length: 30 }, (_, i) => 2 * (i + 1)));
    expect(late.seen).toEqual(Array.from({ length: 20 }, (_, i) => 22 + 2 * i));
  });

  it('reconnects after its connection is killed mid-stream and goes on without duplicates or gaps', async () => {
    const events = await publisher(redis);
    const name = `victim-${redis.prefix.slice(8, 16)}`;
    const { reader: r, seen } = reader(redis, { seq: 0 }, name);
    await r.start();

    let killed = 0;
    for (let round = 0; round < 5; round++) {
      for (let i = 1; i <= 20; i++) events.publish(event(round * 20 + i));
      if (round % 2 === 0) killed += await killConnection(redis.client, name);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await eventually(() => seen.length >= 100, 8_000, 'all 100 events');
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a duplicate to show up
    await r.stop();

    expect(killed).toBe(3);
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('publishes nothing again that the stream already has, as when a journal replays', async () => {
    const first = await publisher(redis);
    for (let seq = 1; seq <= 5; seq++) first.publish(event(seq));
    await first.flush();

    const second = await publisher(redis);
    for (let seq = 1; seq <= 7; seq++) second.publish(event(seq));
    await second.flush();
    const stored = await redis.client.xRange(centerKeys(redis.prefix).events, '-', '+');

    expect(second.lastSeq).toBe(7);
    expect(stored?.map((m) => [m.id, m.message.seq])).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((s) => [`${s}-0`, String(s)]),
    );
  });

  it('tells a reader that starts before the oldest kept event that it may have missed some', async () => {
    const events = await publisher(redis, 10);
    for (let seq = 1; seq <= 300; seq++) events.publish(event(seq));
    await events.flush();
    const trimmed: { after: number; oldestSeq: number }[] = [];
    const seen: number[] = [];
    const r = new EventStreamReader({
      client: redis.client,
      prefix: redis.prefix,
      from: { seq: 3 },
      blockMs: 100,
      onEvent: (e) => void seen.push(e.seq),
      onTrimmed: (t) => void trimmed.push(t),
    });

    await r.start();
    await eventually(() => seen.at(-1) === 300, 5_000, 'the newest event');
    await r.stop();

    expect(trimmed).toEqual([{ after: 3, oldestSeq: seen[0] }]);
    expect(seen[0]).toBeGreaterThan(4);
  });
});
