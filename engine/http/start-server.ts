/**
 * Puts the center on a socket: opens (or creates and seeds) the SQLite
 * store, recovers the engine from its command journal in the same file
 * (see engine/recover.ts), serves the API and its WebSocket with
 * @hono/node-server, and closes it all in order.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { WebSocketServer, type WebSocket } from 'ws';
import { argon2Hasher, type PasswordHasher } from '../auth/password-hasher.js';
import type { ContactCenter } from '../center.js';
import { wallClock } from '../clock.js';
import { demoConfig, seedDemo, type DemoLogin } from '../demo-config.js';
import type { Logger } from '../logger.js';
import { CenterStats } from '../center-stats.js';
import { openCenter } from '../recover.js';
import { SqliteJournal } from '../store/sqlite-journal.js';
import { SqliteStore } from '../store/sqlite-store.js';
import { createApp, type Api } from './create-app.js';
import type { SecurityConfig } from './security-config.js';

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Holds switchboard.db; created if missing. */
  dataDir: string;
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
  store: SqliteStore;
  /** The demo logins when this start created the database, else null. */
  demoLogins: DemoLogin[] | null;
  close(): Promise<void>;
}

/** Live sockets are pinged this often; one that missed a pong is cut. */
const heartbeatMs = 30_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const wallNow = options.wallNow ?? wallClock.now;
  const hasher = options.hasher ?? argon2Hasher();
  const path = join(options.dataDir, 'switchboard.db');
  const store = new SqliteStore({ path, now: wallNow });
  const demoLogins = await seedDemo(store, hasher);
  const journal = new SqliteJournal(path);
  // Statistics see the replay (it rebuilds today's figures and the saved
  // interval rows exactly); the API subscribes after: sockets must not.
  let stats: CenterStats | undefined;
  const { center, clock } = openCenter({
    config: demoConfig,
    store,
    journal,
    logger,
    wallNow,
    beforeReplay: (c) => {
      stats = new CenterStats(c, { rows: store, resume: false });
    },
  });
  const api = createApp({
    center,
    store,
    logger,
    hasher,
    stats: stats!,
    security: options.security ?? {},
  });
  if (options.pages) api.app.use(options.pages);

  // Frames a client may send are tiny (ping, resync); ws closes bigger ones with 1009.
  const wss = new WebSocketServer({ noServer: true, maxPayload: api.security.liveMaxFrameBytes });
  const server = createAdaptorServer({
    fetch: api.app.fetch,
    websocket: { server: wss },
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  const alive = new WeakSet<WebSocket>();
  wss.on('connection', function trackPongs(socket) {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const heartbeat = setInterval(() => pingSockets(wss, alive), heartbeatMs);
  const sweeper = setInterval(() => api.sessions.sweep(), 3_600_000);
  heartbeat.unref();
  sweeper.unref();
  logger.info({ url, dataDir: options.dataDir, firstStart: demoLogins !== null }, 'listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    api,
    center,
    store,
    demoLogins,
    close() {
      closing ??= shutDown();
      return closing;
    },
  };

  async function shutDown(): Promise<void> {
    clearInterval(heartbeat);
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
    clock.stop();
    api.stats.stop();
    center.stop();
    journal.close();
    store.close();
    logger.info({ drained }, 'stopped');
  }
}

/** Ends sockets that did not answer the last ping, and pings the rest. */
function pingSockets(wss: WebSocketServer, alive: WeakSet<WebSocket>): void {
  for (const socket of wss.clients) {
    if (!alive.has(socket)) {
      socket.terminate();
      continue;
    }
    alive.delete(socket);
    socket.ping();
  }
}
