/**
 * What the Redis suites share: whether Redis answers (they skip, saying
 * so, when it does not), a key prefix of their own per test that is
 * deleted afterwards, so suites run in parallel with anyone else's, and a
 * logger that collects what it is told.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterEach, beforeEach } from 'vitest';
import type { Logger } from '../../engine/logger.js';
import { connectRedis, type RedisConnection } from '../../engine/redis/redis-connection.js';

export const redisUrl = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

/** True when a Redis server answers PING at `url` within half a second. */
export async function redisAnswers(url = redisUrl): Promise<boolean> {
  const probe = createClient({ url, socket: { connectTimeout: 500, reconnectStrategy: false } });
  probe.on('error', () => {}); // the answer is the boolean
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    if (probe.isOpen) probe.destroy();
  }
}

/** A suite title that says why it was skipped. */
export function suiteTitle(title: string, reachable: boolean): string {
  return reachable
    ? title
    : `${title} (skipped: no Redis answers at ${redisUrl}; CI always starts one)`;
}

export function uniquePrefix(): string {
  return `sbtest:{${randomUUID()}}:`;
}

/** Deletes every key under a prefix. */
export async function deleteKeys(client: RedisConnection, prefix: string): Promise<void> {
  for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
    if (keys.length > 0) await client.del(keys);
  }
}

export interface RedisTestContext {
  client: RedisConnection;
  prefix: string;
}

/**
 * Gives each test a connected client and a fresh prefix, and afterwards
 * deletes the prefix's keys and closes every client registered with `own`.
 */
export function useRedis(): RedisTestContext & { own(client: RedisConnection): RedisConnection } {
  const owned: RedisConnection[] = [];
  const ctx = {
    client: undefined as unknown as RedisConnection, // set before each test
    prefix: '',
    own(client: RedisConnection) {
      owned.push(client);
      return client;
    },
  };
  beforeEach(async () => {
    ctx.client = await connectRedis(redisUrl, { name: 'test' });
    ctx.prefix = uniquePrefix();
  });
  afterEach(async () => {
    await deleteKeys(ctx.client, ctx.prefix);
    for (const c of [ctx.client, ...owned.splice(0)]) if (c.isOpen) c.destroy();
  });
  return ctx;
}

export interface CollectingLogger extends Logger {
  lines: { level: string; message: string; fields: object }[];
}

export function collectingLogger(): CollectingLogger {
  const lines: CollectingLogger['lines'] = [];
  const at = (level: string) => (fields: object, message: string) =>
    void lines.push({ level, message, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Polls until `check` holds, or fails after `timeoutMs`. */
export async function eventually(
  check: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
