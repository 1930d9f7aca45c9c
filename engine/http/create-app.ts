/**
 * Builds the HTTP API around a running center: middleware (request id, one
 * log line per request, security headers, CORS when configured,
 * authentication with its cross-site check, body limits), every route, the
 * live event hub and the error handler. Testable in-process with
 * `app.request()`; `startServer` puts it on a socket.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { LoginThrottle } from '../auth/login-throttle.js';
import { argon2Hasher, type PasswordHasher } from '../auth/password-hasher.js';
import { Sessions } from '../auth/sessions.js';
import type { ContactCenter } from '../center.js';
import { CenterStats } from '../center-stats.js';
import type { EngineClock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { AdminStore, Store, WithConversations } from '../store/store.js';
import type { ConversationConfig } from '../chat/conversation-config.js';
import {
  createConversationServices,
  type ConversationServices,
} from '../chat/conversation-services.js';
import { conversationRelay } from './live/conversation-relay.js';
import { registerCallbackRoutes } from './routes/callback-routes.js';
import { registerChatRoutes } from './routes/chat-routes.js';
import type { ApiApp, RouteDeps } from './api-app.js';
import type { AppEnv } from './app-env.js';
import { auditTrail } from './audit-trail.js';
import { authenticate } from './authenticate.js';
import { clientAddress } from './client-address.js';
import { corsPolicy } from './cors-policy.js';
import { durableWrites, flushOf } from './durable-writes.js';
import { errorHandler, notFound } from './error-handler.js';
import { guardJsonBodies } from './json-guard.js';
import { HttpProblem } from './problem.js';
import { LiveHub, policyViolationCode, type LiveHistory } from './live/live-hub.js';
import { registerLiveRoute } from './live/live-route.js';
import { liveSnapshot } from './live/live-snapshot.js';
import { requestLogger } from './request-logger.js';
import { registerAdminCustomerRoutes } from './routes/admin-customer-routes.js';
import { registerAdminUserRoutes } from './routes/admin-user-routes.js';
import { registerAgentRoutes } from './routes/agent-routes.js';
import { registerAuditRoutes } from './routes/audit-routes.js';
import { registerCustomerRoutes } from './routes/customer-routes.js';
import { registerSessionRoutes } from './routes/session-routes.js';
import { registerSupervisorRoutes } from './routes/supervisor-routes.js';
import { registerStatsRoutes } from './routes/stats-routes.js';
import { registerSystemRoutes } from './routes/system-routes.js';
import { defaultSecurity, type SecurityConfig } from './security-config.js';
import { securityHeaders } from './security-headers.js';
import { pushRealtimeStats } from './live/stats-push.js';
import { rejectInvalidInput } from './validation-hook.js';
import { WaitEstimator } from './wait-estimator.js';

export interface AppOptions {
  center: ContactCenter;
  store: Store & AdminStore & WithConversations;
  logger: Logger;
  /**
   * Session expiry, throttles, frame limits, chat times, "time in state";
   * defaults to the center's clock. A live server passes its LiveClock's
   * `outside()`, which follows the wall between commands.
   */
  clock?: EngineClock;
  /** Defaults to argon2id at production cost; tests pass a cheap one. */
  hasher?: PasswordHasher;
  /** Limits and switches; see security-config.ts for each default. */
  security?: Partial<SecurityConfig>;
  /** Events kept for reconnecting clients; default 2,000. */
  liveRingSize?: number;
  /** Those events, kept since before a journal replay; made here when absent. */
  liveHistory?: LiveHistory;
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
  /** ICE servers and callback retries; see engine/chat/conversation-config.ts. */
  conversation?: Partial<ConversationConfig>;
}

export interface Api {
  app: ApiApp;
  hub: LiveHub;
  stats: CenterStats;
  sessions: Sessions;
  /** The limits in force, defaults filled in. */
  security: SecurityConfig;
  /**
   * Closes live sockets whose session has expired or was ended; returns
   * how many. Runs every minute; tests call it after moving the clock.
   */
  sweepLive(): number;
  /** Stops listening to the center and closes live sockets. */
  close(): void;
  /** Chat, browser calls and callbacks. */
  conversations: ConversationServices;
}

/** How often live sockets are checked against their sessions. */
const liveSweepMs = 60_000;

export function createApp(options: AppOptions): Api {
  const { center, store, logger } = options;
  const security: SecurityConfig = { ...defaultSecurity, ...options.security };
  const clock = options.clock ?? center.clock;
  const now = () => clock.now();
  const hasher = options.hasher ?? argon2Hasher();
  const sessions = new Sessions({ store, hasher, now });
  const waits = new WaitEstimator(center);
  const stats = options.stats ?? new CenterStats(center, { rows: store });
  const views = { center, store, waits, now };
  const hub = new LiveHub({
    center,
    logger,
    snapshot: liveSnapshot(views),
    ...(options.liveHistory ? { history: options.liveHistory } : {}),
    ...(options.liveRingSize !== undefined ? { ringSize: options.liveRingSize } : {}),
    ...(options.liveMaxBufferedBytes !== undefined
      ? { maxBufferedBytes: options.liveMaxBufferedBytes }
      : {}),
  });
  const deps: RouteDeps = {
    ...views,
    sessions,
    hasher,
    logger,
    security,
    hub,
    throttle: new LoginThrottle({
      now,
      maxFailuresPerUser: security.loginMaxFailures,
      maxFailuresPerAddress: security.loginMaxFailuresPerAddress,
      baseLockMs: security.loginBaseLockMs,
      maxLockMs: security.loginMaxLockMs,
    }),
    audit: auditTrail(store, now),
    clientAddress: (c) => clientAddress(c, security.trustProxyHops),
  };

  const app: ApiApp = new OpenAPIHono<AppEnv>({ defaultHook: rejectInvalidInput });
  app.use(requestId());
  app.use(requestLogger(logger));
  app.use(securityHeaders({ hsts: security.secureCookies }));
  if (security.corsOrigins.length > 0) app.use('/api/*', corsPolicy(security.corsOrigins));
  // A write-behind store: no change is acknowledged before it is durable.
  const flush = flushOf(store);
  if (flush) app.use(durableWrites(flush));
  app.use(authenticate(sessions));
  // Refused on the declared or counted length, before anything parses it.
  app.use(
    '/api/*',
    bodyLimit({ maxSize: security.maxBodyBytes, onError: refuseLargeBody(security.maxBodyBytes) }),
  );
  app.use('/api/*', guardJsonBodies(security.maxJsonDepth));
  app.onError(errorHandler(logger));
  app.notFound(notFound);

  registerSystemRoutes(app, now, options.version ?? '0.1.0');
  registerSessionRoutes(app, deps);
  registerCustomerRoutes(app, deps);
  registerAgentRoutes(app, deps);
  registerSupervisorRoutes(app, deps);
  registerStatsRoutes(app, deps, stats);
  registerAdminUserRoutes(app, deps);
  registerAdminCustomerRoutes(app, deps);
  registerAuditRoutes(app, deps);
  const conversations = createConversationServices({
    center,
    store,
    clock,
    logger,
    ...(options.conversation ? { config: options.conversation } : {}),
  });
  registerChatRoutes(app, conversations);
  registerCallbackRoutes(app, deps, conversations);
  registerLiveRoute(app, {
    hub,
    sessions,
    logger,
    now,
    maxFrameBytes: security.liveMaxFrameBytes,
    framesPerSecond: security.liveFramesPerSecond,
    maxJsonDepth: security.maxJsonDepth,
    conversations: conversationRelay(hub, conversations, flush),
  });
  const stopPush = pushRealtimeStats(center, hub, stats, options.statsPushMs ?? 1_000, now);
  const sweepLive = () =>
    hub.closeWhere((p) => !sessions.isCurrent(p), policyViolationCode, 'session ended');
  const sweeper = setInterval(sweepLive, liveSweepMs);
  sweeper.unref();

  return {
    app,
    hub,
    sessions,
    stats,
    security,
    sweepLive,
    conversations,
    close() {
      clearInterval(sweeper);
      stopPush();
      conversations.dispose();
      if (!options.stats) stats.stop();
      hub.dispose();
      waits.dispose();
    },
  };
}

/** No request of this API needs more than a few KiB. */
function refuseLargeBody(maxBytes: number) {
  return function refuseLargeBody(): Response {
    return new HttpProblem(
      413,
      'body_too_large',
      `request bodies are limited to ${maxBytes} bytes`,
    ).toResponse();
  };
}
