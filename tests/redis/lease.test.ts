/** One engine leads a center; a standby takes over when it dies; the deposed one can no longer write. */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../engine/commands.js';
import { parseConfig } from '../../engine/config.js';
import { centerKeys } from '../../engine/redis/center-keys.js';
import { CommandSender } from '../../engine/redis/command-sender.js';
import { FencedError, FencedWriter } from '../../engine/redis/fenced-writer.js';
import { Lease } from '../../engine/redis/lease.js';
import { openRedisCenter } from '../../engine/redis/redis-center.js';
import { RedisStore } from '../../engine/redis/redis-store.js';
import { simpleConfig } from '../../engine/test/harness.js';
import {
  collectingLogger,
  eventually,
  redisAnswers,
  suiteTitle,
  useRedis,
} from './redis-test-kit.js';

const reachable = await redisAnswers();
const ttlMs = 300;
const pollMs = 50;

describe.skipIf(!reachable)(suiteTitle('the center lease and its fencing token', reachable), () => {
  const redis = useRedis();

  it('lets a standby take over within ttl + poll after the holder stops renewing, and refuses the old holder', async () => {
    const lease = new Lease({ client: redis.client, prefix: redis.prefix });
    const tokenA = (await lease.acquire('engine-a', ttlMs))!;
    const stoppedA: Error[] = [];
    const writerA = new FencedWriter({
      client: redis.client,
      fenceKey: lease.fenceKey,
      token: tokenA,
      onStop: (e) => stoppedA.push(e),
      logger: collectingLogger(),
    });
    const storeA = await RedisStore.open({
      client: redis.client,
      prefix: redis.prefix,
      writer: writerA,
    });
    storeA.saveConfig(parseConfig(simpleConfig(1)));
    await storeA.flush();
    const keeper = lease.keep('engine-a', ttlMs, tokenA, () => {});
    let tokenB: number | null = null;
    const standby = lease.standby('engine-b', ttlMs, (t) => (tokenB = t), pollMs);
    await new Promise((r) => setTimeout(r, ttlMs * 2)); // A keeps renewing: B must wait
    const heldByA = await lease.holder();

    keeper.stop(); // engine A dies: no more renewals
    const diedAt = Date.now();
    await eventually(() => tokenB !== null, ttlMs * 4, 'the standby to acquire');
    const tookOverMs = Date.now() - diedAt;
    const writerB = new FencedWriter({
      client: redis.client,
      fenceKey: lease.fenceKey,
      token: tokenB,
    });
    const storeB = await RedisStore.open({
      client: redis.client,
      prefix: redis.prefix,
      writer: writerB,
    });
    storeB.saveConfig(parseConfig(simpleConfig(2)));
    await storeB.flush();
    storeA.saveConfig(parseConfig(simpleConfig(3))); // A wakes up and writes
    const refusal = await storeA.flush().catch((e: unknown) => e);
    const reread = await RedisStore.open({ client: redis.client, prefix: redis.prefix });

    expect(heldByA).toBe('engine-a');
    expect(tokenB).toBe(tokenA + 1);
    expect(tookOverMs).toBeLessThanOrEqual(ttlMs + pollMs + 150); // slack for a loaded machine
    expect(refusal).toBeInstanceOf(FencedError);
    expect(stoppedA).toEqual([refusal]);
    expect(writerA.stopped).toBe(refusal);
    expect(reread.loadConfig()?.agents.map((a) => a.id)).toEqual(['a1', 'a2']);
    standby.stop();
  });

  it('tells the holder it lost the lease once another engine holds it', async () => {
    const lease = new Lease({ client: redis.client, prefix: redis.prefix });
    const token = (await lease.acquire('engine-a', ttlMs))!;
    await redis.client.del(`${redis.prefix}lease`); // lapses, as a long GC pause would let it
    await lease.acquire('engine-b', 60_000);

    const renewed = await lease.renew('engine-a', ttlMs, token);
    const lost = await new Promise<string>((resolve) =>
      lease.keep('engine-a', ttlMs, token, resolve),
    );

    expect(renewed).toBe(false);
    expect(lost).toBe('another engine holds the lease');
  });

  it('takes a lapsed lease back while nobody else acquired it, keeping the same token', async () => {
    const lease = new Lease({ client: redis.client, prefix: redis.prefix });
    const token = (await lease.acquire('engine-a', ttlMs))!;
    await redis.client.del(`${redis.prefix}lease`);

    const renewed = await lease.renew('engine-a', ttlMs, token);

    expect(renewed).toBe(true);
    expect(await lease.holder()).toBe('engine-a');
    expect(await lease.currentToken()).toBe(token);
  });

  it('hands the lease to a standby at once when the holder releases it', async () => {
    const lease = new Lease({ client: redis.client, prefix: redis.prefix });
    await lease.acquire('engine-a', 60_000);
    let token: number | null = null;
    const standby = lease.standby('engine-b', 60_000, (t) => (token = t), pollMs);

    await lease.release('engine-a');
    await eventually(() => token !== null, 1_000, 'the standby to acquire');

    expect(await lease.holder()).toBe('engine-b');
    expect(await lease.acquire('engine-c', 60_000)).toBeNull();
    standby.stop();
  });

  it('leaves a command sent during a takeover to the new engine, applied once, and stops the old one', async () => {
    const lease = new Lease({ client: redis.client, prefix: redis.prefix });
    const stops: Error[] = [];
    const open = (token: number | null) =>
      openRedisCenter({
        client: redis.client,
        prefix: redis.prefix,
        token,
        config: simpleConfig(2),
        onStop: (e) => stops.push(e),
      });
    const a = await open(await lease.acquire('engine-a', ttlMs));
    await redis.client.del(centerKeys(redis.prefix).lease); // A's lease lapses while A still runs
    const b = await open(await lease.acquire('engine-b', 60_000));
    const api = await CommandSender.open<Command>({
      client: redis.client,
      prefix: redis.prefix,
      timeoutMs: 3_000,
    });

    const reply = await api.send({ type: 'agent.login', agentId: 'a1' });
    a.center.login('a2'); // A, unaware, writes
    await eventually(() => stops.length === 1, 2_000, 'engine A to stop');
    const journal = await redis.client.xRange(centerKeys(redis.prefix).journal, '-', '+');

    expect(reply).toBeNull();
    expect(b.center.agentStatus('a1').state).not.toBe('loggedOut');
    expect(journal?.map((m) => m.message.command)).toEqual([
      JSON.stringify({ type: 'agent.login', agentId: 'a1' }),
    ]);
    expect(stops[0]).toBeInstanceOf(FencedError);
    expect(a.writer.stopped).toBe(stops[0]);
    await api.close();
    await a.stop().catch(() => {}); // its writes were refused
    await b.stop();
  });
});
