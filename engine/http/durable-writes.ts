/**
 * Acknowledges a state-changing request only once its writes are durable.
 * A store that writes behind (RedisStore) has changed memory when the
 * handler returns, but Redis only when `flush()` resolves; answering
 * before that could confirm a contact a crash then loses. Reads are not
 * held up. A flush that fails becomes a 503: the change was not made
 * durable here, and a server that was fenced off never will make it.
 */
import type { MiddlewareHandler } from 'hono';
import { FencedError } from '../redis/fenced-writer.js';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';

// Chat messages sent as live frames wait for the same flush in the chat relay.

/** Methods that change nothing, so need not wait for the store. */
const readOnly = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The store's flush, when it has one (write-behind stores); else null. */
export function flushOf(store: object): (() => Promise<void>) | null {
  const flush: unknown = (store as { flush?: unknown }).flush;
  return typeof flush === 'function' ? () => (flush as () => Promise<void>).call(store) : null;
}

export function durableWrites(flush: () => Promise<void>): MiddlewareHandler<AppEnv> {
  return async function awaitDurableWrites(c, next) {
    await next();
    if (readOnly.has(c.req.method)) return;

    try {
      await flush();
    } catch (err) {
      // Thrown so the error handler renders and logs it like any other.
      throw err instanceof FencedError
        ? new HttpProblem(
            503,
            'engine_deposed',
            'this server no longer runs the center; the change was not made, retry on the active server',
            undefined,
            { 'retry-after': '1' },
          )
        : new HttpProblem(
            503,
            'not_durable',
            'the change could not be stored durably; it may not have been made',
            undefined,
            { 'retry-after': '1' },
          );
    }
  };
}
