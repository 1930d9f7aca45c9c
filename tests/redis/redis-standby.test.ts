/**
 * A standby that follows the journal while another engine runs the
 * center: when it takes over it applies only the entries it had not read
 * yet, reloads what the active engine stored beside the journal (a
 * sign-in made after the standby started), and serves the same center.
 */
import { describe, expect, it } from 'vitest';
import { Lease } from '../../engine/redis/lease.js';
import { followRedisCenter, openRedisCenter } from '../../engine/redis/redis-center.js';
import { simpleConfig } from '../../engine/test/harness.js';
import {
  collectingLogger,
  eventually,
  redisAnswers,
  suiteTitle,
  useRedis,
} from './redis-test-kit.js';

const reachable = await redisAnswers();
const config = simpleConfig(2, { ringTimeoutSec: 60, wrapUpSec: 10 });

describe.skipIf(!reachable)(suiteTitle('a following standby', reachable), () => {
  const redis = useRedis();

  it('takes over with the tail alone, the same queue, and the sign-ins made meanwhile', async () => {
    let wall = Date.now();
    const wallNow = () => wall;
    const { client, prefix } = redis;
    const lease = new Lease({ client, prefix });
    const first = await lease.acquire('active', 60_000);
    const active = await openRedisCenter({ client, prefix, token: first, config, wallNow });
    active.center.login('a1');
    active.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    active.center.createContact({ channel: 'chat', queueId: 'q', id: 'c2' });
    await active.writer.flush();

    const logger = collectingLogger();
    const standby = await followRedisCenter({
      client,
      prefix,
      config,
      wallNow,
      logger,
      pollMs: 20,
    });
    const followedAtStart = standby.applied;
    expect(followedAtStart).toBe(3);

    wall += 1_000;
    active.center.createContact({ channel: 'voice', queueId: 'q', id: 'c3' });
    active.store.saveSession({
      tokenHash: 'signed-in-after-the-standby-started',
      userId: 'u1',
      contactId: null,
      createdAt: wall,
      expiresAt: wall + 3_600_000,
    });
    await active.writer.flush();
    await eventually(() => standby.applied === 4, 5_000, 'the standby to follow c3');
    const queueBefore = active.center.queueContents('q').map((v) => [v.id, v.record.queuedAt]);

    // The active engine dies; its lease is given up, and the standby wins it.
    await active.stop();
    active.center.stop();
    await lease.release('active');
    const second = await lease.acquire('standby', 60_000);
    expect(second).toBeGreaterThan(first!);
    wall += 500;
    const taken = await standby.takeOver(second);

    expect(taken.center.queueContents('q').map((v) => [v.id, v.record.queuedAt])).toEqual(
      queueBefore,
    );
    expect(taken.store.getSession('signed-in-after-the-standby-started')).not.toBeNull();
    const line = logger.lines.find((l) => l.message === 'standby taking over');
    expect(line?.fields).toEqual({ followed: 4, tail: 0 });

    // It runs the center now: a new command is journaled after the others, under its token.
    taken.center.createContact({ channel: 'chat', queueId: 'q', id: 'c4' });
    await taken.writer.flush();
    const journaled = await client.xRange(`${prefix}journal`, '-', '+');
    expect((journaled ?? []).map((e) => e.id)).toEqual(['1-0', '2-0', '3-0', '4-0', '5-0']);
    await taken.stop();
    taken.center.stop();
  });
});
