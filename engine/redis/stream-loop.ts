/**
 * The one way this code follows a Redis stream: XREAD BLOCK on a
 * connection of the caller's own, from a position, batch after batch,
 * until told to stop. A failed read (Redis away, connection dropped) is
 * retried with the reconnect backoff; the position only moves past what
 * the batch handler was given, so a retry never skips or repeats.
 */
import type { Logger } from '../logger.js';
import { reconnectDelay, type RedisConnection } from './redis-connection.js';

export interface StreamMessage {
  id: string;
  message: Record<string, string>;
}

export interface StreamLoopOptions {
  /** A connection of its own: XREAD BLOCK holds it. */
  client: RedisConnection;
  key: string;
  /** Read what comes after this id. */
  from: string;
  /** Whether to go on; checked before every read and after a failure. */
  running: () => boolean;
  onBatch: (messages: StreamMessage[]) => void | Promise<void>;
  /** A read worked again after failing: what was in flight may be lost. */
  onRecovered?: () => void;
  logger: Logger;
  /** For the log line when a read fails: "reading <what> failed". */
  what: string;
  count?: number;
  blockMs?: number;
}

export async function followStream(o: StreamLoopOptions): Promise<void> {
  let position = o.from;
  let failures = 0;
  while (o.running()) {
    let reply;
    try {
      reply = await o.client.xRead(
        { key: o.key, id: position },
        { COUNT: o.count ?? 100, BLOCK: o.blockMs ?? 1_000 },
      );
      if (failures > 0) o.onRecovered?.();
      failures = 0;
    } catch (err) {
      if (!o.running()) return;
      o.logger.warn({ err: String(err), after: position }, `reading ${o.what} failed; retrying`);
      await new Promise((r) => setTimeout(r, reconnectDelay(failures++)));
      continue;
    }
    // node-redis types stream entries loosely; the writers of each stream know their fields.
    const messages = (reply?.[0]?.messages ?? []) as StreamMessage[];
    if (messages.length === 0) continue;
    await o.onBatch(messages);
    position = messages.at(-1)!.id;
  }
}
