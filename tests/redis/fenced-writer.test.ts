/** The writer lands batches whole and in order, and stops for good on a stale token or a refusal. */
import { describe, expect, it } from 'vitest';
import { centerKeys } from '../../engine/redis/center-keys.js';
import { FencedError, FencedWriter, RedisWriteError } from '../../engine/redis/fenced-writer.js';
import { redisAnswers, suiteTitle, useRedis } from './redis-test-kit.js';

const reachable = await redisAnswers();

describe.skipIf(!reachable)(suiteTitle('the fenced writer', reachable), () => {
  const redis = useRedis();

  it('applies writes in the order they were queued, across batches', async () => {
    const writer = new FencedWriter({
      client: redis.client,
      fenceKey: centerKeys(redis.prefix).fence,
      token: null,
      maxBatchOps: 3,
    });
    const key = `${redis.prefix}order`;

    for (let i = 1; i <= 10; i++) {
      writer.write({ command: 'SET', key, args: [String(i)] });
      await Promise.resolve(); // each write its own run, so batches split
    }
    await writer.flush();

    expect(await redis.client.get(key)).toBe('10');
    expect(writer.pending).toBe(0);
  });

  it('drops every write while muted, and writes fenced once armed', async () => {
    const keys = centerKeys(redis.prefix);
    await redis.client.set(keys.fence, '7');
    const writer = new FencedWriter({
      client: redis.client,
      fenceKey: keys.fence,
      token: null,
      muted: true,
    });

    writer.write({ command: 'SET', key: keys.config, args: ['from a standby'] });
    await writer.flush();
    expect(await redis.client.exists(keys.config)).toBe(0);

    writer.arm(7);
    writer.write({ command: 'SET', key: keys.config, args: ['from the engine'] });
    await writer.flush();
    expect(await redis.client.get(keys.config)).toBe('from the engine');
    expect(() => writer.arm(8)).toThrow(/only a muted writer/);
  });

  it('changes nothing for a writer whose token is stale, and drops what it writes afterwards', async () => {
    const keys = centerKeys(redis.prefix);
    await redis.client.set(keys.fence, '2');
    const stops: Error[] = [];
    const writer = new FencedWriter({
      client: redis.client,
      fenceKey: keys.fence,
      token: 1,
      onStop: (e) => stops.push(e),
    });

    writer.write(
      { command: 'HSET', key: keys.customers, args: ['cu1', '{}'] },
      { command: 'SET', key: keys.config, args: ['{}'] },
    );
    const refusal = await writer.flush().catch((e: unknown) => e);
    writer.write({ command: 'SET', key: keys.config, args: ['later'] });

    expect(refusal).toBeInstanceOf(FencedError);
    expect(stops).toEqual([refusal]);
    expect(await redis.client.exists([keys.customers, keys.config])).toBe(0);
    await expect(writer.flush()).rejects.toBe(refusal);
  });

  it('stops when Redis refuses a write for a reason retrying cannot fix', async () => {
    const key = `${redis.prefix}a-string`;
    await redis.client.set(key, 'not a hash');
    const stops: Error[] = [];
    const writer = new FencedWriter({
      client: redis.client,
      fenceKey: centerKeys(redis.prefix).fence,
      token: null,
      onStop: (e) => stops.push(e),
    });

    writer.write({ command: 'HSET', key, args: ['field', 'value'] });
    const refusal = await writer.flush().catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(RedisWriteError);
    expect((refusal as Error).message).toMatch(/WRONGTYPE/);
    expect(stops).toHaveLength(1);
  });

  it('forgets what was not sent when abandoned, as a crash does', async () => {
    const key = `${redis.prefix}crash`;
    const writer = new FencedWriter({
      client: redis.client,
      fenceKey: centerKeys(redis.prefix).fence,
      token: null,
    });

    writer.write({ command: 'SET', key, args: ['queued'] });
    const pending = writer.flush();
    writer.abandon();

    await expect(pending).rejects.toThrow(/abandoned/);
    expect(await redis.client.get(key)).toBeNull();
  });
});
