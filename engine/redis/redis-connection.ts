/**
 * Connecting to Redis the way every part of engine/redis expects: a client
 * that reconnects on its own, forever, with a bounded backoff, and whose
 * errors go to the injected logger (node-redis requires an `error`
 * listener, or a network error would end the process).
 */
import { createClient, type RedisClientType } from 'redis';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';

/** A node-redis client as `createClient()` makes it (RESP3, default modules). */
export type RedisConnection = RedisClientType;

/** Either an open client the caller owns, or a URL to open one from. */
export type RedisTarget =
  { client: RedisConnection; url?: never } | { url: string; client?: never };

export interface ConnectOptions {
  logger?: Logger;
  /** Shown by CLIENT LIST; helps find a connection to kill in tests. */
  name?: string;
}

/** Waits between reconnection attempts: 50 ms doubling up to 1 s. */
export function reconnectDelay(retries: number): number {
  return Math.min(50 * 2 ** Math.min(retries, 5), 1_000);
}

export async function connectRedis(
  url: string,
  options: ConnectOptions = {},
): Promise<RedisConnection> {
  const client = createClient({
    url,
    ...(options.name ? { name: options.name } : {}),
    socket: { reconnectStrategy: reconnectDelay },
  });
  watchErrors(client, options.logger ?? silentLogger);
  await client.connect();
  return client;
}

/**
 * A second connection with the same settings, for commands that block
 * (XREAD BLOCK, BLPOP) and would otherwise stall every other command
 * pipelined on the shared one.
 */
export async function duplicateConnection(
  client: RedisConnection,
  options: ConnectOptions = {},
): Promise<RedisConnection> {
  const copy = client.duplicate(options.name ? { name: options.name } : {});
  watchErrors(copy, options.logger ?? silentLogger);
  await copy.connect();
  return copy;
}

/** The client to use and whether this code opened it (and must close it). */
export async function resolveTarget(
  target: RedisTarget,
  options: ConnectOptions = {},
): Promise<{ client: RedisConnection; owned: boolean }> {
  if (target.client) return { client: target.client, owned: false };
  return { client: await connectRedis(target.url, options), owned: true };
}

function watchErrors(client: RedisConnection, logger: Logger): void {
  // Reconnection is automatic; the error is worth a line, not a crash.
  client.on('error', (err: unknown) =>
    logger.warn({ err: describe(err) }, 'redis connection error'),
  );
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
