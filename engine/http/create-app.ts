/**
 * Builds the HTTP API around a running center: middleware (request id,
 * one log line per request, authentication), every route, the live event
 * hub and the error handler. Testable in-process with `app.request()`;
 * `startServer` puts it on a socket.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { argon2Hasher, type PasswordHasher } from '../auth/password-hasher.js';
import { Sessions } from '../auth/sessions.js';
import type { ContactCenter } from '../center.js';
import { CenterStats } from '../center-stats.js';
import type { EngineClock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { ApiApp, RouteDeps } from './api-app.js';
import type { AppEnv } from './app-env.js';
import { authenticate } from './authenticate.js';
import { errorHandler, notFound } from './error-handler.js';
import { HttpProblem } from './problem.js';
import { LiveHub } from './live/live-hub.js';
import { registerLiveRoute } from './live/live-route.js';
import { liveSnapshot } from './live/live-snapshot.js';
import { requestLogger } from './request-logger.js';
import { registerAgentRoutes } from './routes/agent-routes.js';
import { registerCustomerRoutes } from './routes/customer-routes.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerSupervisorRoutes } from './routes/supervisor-routes.js';
import { registerStatsRoutes } from './routes/stats-routes.js';
import { registerSystemRoutes } from './routes/system-routes.js';
import { pushRealtimeStats } from './live/stats-push.js';
import { rejectInvalidInput } from './validation-hook.js';
import { WaitEstimator } from './wait-estimator.js';

export interface AppOptions {
  center: ContactCenter;
  store: Store;
  logger: Logger;
  /** Session expiry and "time in state"; defaults to the center's clock. */
  clock?: EngineClock;
  /** Defaults to argon2id at production cost; tests pass a cheap one. */
  hasher?: PasswordHasher;
  /** Mark the session cookie Secure; set it when served over TLS. */
  secureCookies?: boolean;
  /** Events kept for reconnecting clients; default 2,000. */
  liveRingSize?: number;
  /** Unsent bytes after which a live client is dropped; default 1 MiB. */
  liveMaxBufferedBytes?: number;
  version?: string;
  /**
   * The center's statistics; created here when absent. A recovering server
   * passes its own, subscribed before the journal replay.
   */
  stats?: CenterStats;
  /** How often supervisors get a `stats.realtime` push; default 1 s. */
  statsPushMs?: number;
}

export interface Api {
  app: ApiApp;
  hub: LiveHub;
  stats: CenterStats;
  sessions: Sessions;
  /** Stops listening to the center and closes live sockets. */
  close(): void;
}

export function createApp(options: AppOptions): Api {
  const { center, store, logger } = options;
  const clock = options.clock ?? center.clock;
  const now = () => clock.now();
  const sessions = new Sessions({ store, hasher: options.hasher ?? argon2Hasher(), now });
  const waits = new WaitEstimator(center);
  const stats = options.stats ?? new CenterStats(center, { rows: store });
  const views = { center, store, waits, now };
  const hub = new LiveHub({
    center,
    logger,
    snapshot: liveSnapshot(views),
    ...(options.liveRingSize !== undefined ? { ringSize: options.liveRingSize } : {}),
    ...(options.liveMaxBufferedBytes !== undefined
      ? { maxBufferedBytes: options.liveMaxBufferedBytes }
      : {}),
  });
  const deps: RouteDeps = {
    ...views,
    sessions,
    logger,
    secureCookies: options.secureCookies ?? false,
  };

  const app: ApiApp = new OpenAPIHono<AppEnv>({ defaultHook: rejectInvalidInput });
  app.use(requestId());
  app.use(requestLogger(logger));
  app.use(authenticate(sessions));
  app.use('/api/*', bodyLimit({ maxSize: 64 * 1024, onError: refuseLargeBody }));
  app.onError(errorHandler(logger));
  app.notFound(notFound);

  registerSystemRoutes(app, now, options.version ?? '0.1.0');
  registerSessionRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  registerAgentRoutes(app, deps);
  registerSupervisorRoutes(app, deps);
  registerStatsRoutes(app, deps, stats);
  registerLiveRoute(app, { hub, sessions, logger });
  const stopPush = pushRealtimeStats(center, hub, stats, options.statsPushMs ?? 1_000);

  return {
    app,
    hub,
    sessions,
    stats,
    close() {
      stopPush();
      if (!options.stats) stats.stop();
      hub.dispose();
      waits.dispose();
    },
  };
}

/** No request of this API needs more than a few KiB. */
function refuseLargeBody(): Response {
  return new HttpProblem(
    413,
    'body_too_large',
    'request bodies are limited to 64 KiB',
  ).toResponse();
}
