/**
 * Puts the center on a socket: opens the engine (open-engine.ts: the
 * SQLite file by default, or Redis once this process holds the center's
 * lease), recovered from its command journal (see engine/recover.ts),
 * serves the API and its WebSocket with @hono/node-server, and closes it
 * all in order. A Redis engine that is deposed closes its server.
 */
import type { MiddlewareHandler } from 'hono';
import { argon2Hasher, type PasswordHasher } from '../auth/password-hasher.js';
import type { ContactCenter } from '../center.js';
import { wallClock } from '../clock.js';
import type { DemoLogin } from '../demo-config.js';
import type { Logger } from '../logger.js';
import { createApp, type Api } from './create-app.js';
import { listen } from './listen.js';
import { RemoteSockets } from '../redis/remote-sockets.js';
import { RequestExecutor } from '../redis/request-executor.js';
import {
  openEngine,
  type EngineStore,
  type OpenedEngine,
  type RedisTarget,
} from './open-engine.js';
import type { SecurityConfig } from './security-config.js';

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Holds switchboard.db; created if missing. Unused on Redis. */
  dataDir: string;
  /** Keep the center in Redis instead of SQLite (and wait for its lease). */
  redis?: RedisTarget;
  /**
   * Called once the server of a deposed Redis engine has closed (lease
   * lost, fenced off by another engine, or writes refused by Redis).
   */
  onDeposed?: (reason: string) => void;
  logger: Logger;
  hasher?: PasswordHasher;
  /** The wall clock the engine's live clock follows; tests may pass their own. */
  wallNow?: () => number;
  /** Answers what no API route does (the built pages); mounted after every route. */
  pages?: MiddlewareHandler;
  /** How long close() waits for connections to finish; default 5 s. */
  drainMs?: number;
  /** Limits and switches (run-server.ts reads them from the environment). */
  security?: Partial<SecurityConfig>;
}

export interface RunningServer {
  url: string;
  port: number;
  api: Api;
  center: ContactCenter;
  store: EngineStore;
  /** The demo logins when this start created the database, else null. */
  demoLogins: DemoLogin[] | null;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const wallNow = options.wallNow ?? wallClock.now;
  const hasher = options.hasher ?? argon2Hasher();
  // Set once the server exists; a Redis engine deposed later closes it.
  let deposedBy: string | null = null;
  let close: (() => Promise<void>) | null = null;
  const engine = await openEngine({
    dataDir: options.dataDir,
    logger,
    hasher,
    wallNow,
    ...(options.redis ? { redis: options.redis } : {}),
    onDeposed: function closeDeposed(reason) {
      deposedBy = reason;
      // Before the server listens, startServer itself fails (below).
      void close?.().finally(() => options.onDeposed?.(reason));
    },
  });
  const { center, store, demoLogins } = engine;
  const api = createApp({
    center,
    store,
    logger,
    hasher,
    stats: engine.stats,
    liveHistory: engine.history,
    // Between commands the engine's clock stands still; sessions, throttles and chat need the wall's.
    clock: engine.clock.outside(),
    security: options.security ?? {},
  });
  if (options.pages) api.app.use(options.pages);
  const nodes = engine.redis ? await serveApiNodes(engine.redis, api, logger) : null;

  // Frames a client may send are tiny (ping, resync); ws closes bigger ones with 1009.
  const { server, wss, port, url, stopHeartbeat } = await listen({
    fetch: api.app.fetch,
    port: options.port,
    host: options.host,
    maxPayload: api.security.liveMaxFrameBytes,
  });
  const sweeper = setInterval(() => api.sessions.sweep(), 3_600_000);
  sweeper.unref();
  const where = options.redis
    ? { redisPrefix: options.redis.prefix }
    : { dataDir: options.dataDir };
  logger.info({ url, ...where, firstStart: demoLogins !== null }, 'listening');

  let closing: Promise<void> | null = null;
  close = () => {
    closing ??= shutDown();
    return closing;
  };
  if (deposedBy !== null) {
    await close();
    throw new Error(`deposed while starting: ${deposedBy}`);
  }
  return {
    url,
    port,
    api,
    center,
    store,
    demoLogins,
    close,
  };

  async function shutDown(): Promise<void> {
    stopHeartbeat();
    clearInterval(sweeper);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    api.close(); // live sockets get 1001 "going away"
    server.closeIdleConnections();
    const drained = await Promise.race([
      closed.then(() => true),
      new Promise<false>((resolve) =>
        setTimeout(() => resolve(false), options.drainMs ?? 5_000).unref(),
      ),
    ]);
    if (!drained) {
      for (const socket of wss.clients) socket.terminate();
      server.closeAllConnections();
      await closed;
    }
    wss.close();
    await nodes?.stop();
    await engine.close();
    logger.info({ drained }, 'stopped');
  }
}

/**
 * Answers the API nodes of a Redis center: the HTTP requests they forward
 * and the live sockets they hold (see engine/gateway/api-node.ts).
 */
async function serveApiNodes(
  redis: NonNullable<OpenedEngine['redis']>,
  api: Api,
  logger: Logger,
): Promise<{ stop(): Promise<void> }> {
  const sockets = new RemoteSockets({ ...redis, logger });
  const executor = new RequestExecutor({ ...redis, sockets, fetch: api.app.fetch, logger });
  await sockets.start();
  await executor.start();
  return {
    async stop() {
      await executor.stop();
      await sockets.stop();
    },
  };
}
