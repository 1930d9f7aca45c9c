/**
 * One log line per request, after it is answered: id, method, path,
 * status, duration and who asked. Never the query string, headers or
 * body, so tokens, passwords and messages stay out of the logs.
 */
import type { MiddlewareHandler } from 'hono';
import { describePrincipal } from '../auth/principal.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './app-env.js';

export function requestLogger(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    // Durations are process time, not the engine's clock (which may be virtual).
    const started = performance.now();

    await next();

    logger.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...describePrincipal(c.get('principal') ?? null),
      },
      'request',
    );
  };
}
