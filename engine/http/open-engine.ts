/**
 * Opens the engine a server runs: its store, journal and center, recovered
 * from the journal, with the statistics subscribed before the replay. On
 * the embedded default that is one SQLite file; with a Redis URL it is
 * Redis, after this process wins the center's lease (a standby waits here
 * until the active engine's lease lapses).
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { PasswordHasher } from '../auth/password-hasher.js';
import type { ContactCenter } from '../center.js';
import { CenterStats } from '../center-stats.js';
import { demoConfig, seedDemo, type DemoLogin } from '../demo-config.js';
import type { LiveClock } from '../live-clock.js';
import type { Logger } from '../logger.js';
import { LiveHistory } from './live/live-hub.js';
import { openCenter } from '../recover.js';
import {
  connectRedis,
  Lease,
  followRedisCenter,
  openRedisCenter,
  type FencedWriter,
  type FollowOptions,
  type RedisConnection,
} from '../redis/index.js';
import { SqliteStore } from '../store/sqlite-store.js';
import type { AdminStore, Store, WithConversations } from '../store/store.js';

export interface RedisTarget {
  url: string;
  /** Key prefix of the center; default `sb:{main}:`. */
  prefix?: string;
  /** This engine's name in the lease; default host:pid. */
  engineId?: string;
  /** Lease time to live; a standby takes over this long after a crash. */
  leaseMs?: number;
}

export interface EngineOptions {
  dataDir: string;
  logger: Logger;
  hasher: PasswordHasher;
  wallNow: () => number;
  redis?: RedisTarget;
  /**
   * Called once when a Redis engine must stop serving: it lost its lease,
   * another engine fenced it off, or Redis refused its writes.
   */
  onDeposed?: (reason: string) => void;
}

/** What the API needs of a store; `flush` when writes land after the call returns. */
export type EngineStore = Store & AdminStore & WithConversations & { flush?(): Promise<void> };

export interface OpenedEngine {
  center: ContactCenter;
  clock: LiveClock;
  store: EngineStore;
  stats: CenterStats;
  /** Events kept for live clients since before the replay, so they can resume across a restart. */
  history: LiveHistory;
  demoLogins: DemoLogin[] | null;
  /** On Redis: what serving API nodes needs (engine/redis/request-executor.ts). */
  redis?: { client: RedisConnection; prefix: string; writer: FencedWriter; token: number };
  close(): Promise<void>;
}

export async function openEngine(options: EngineOptions): Promise<OpenedEngine> {
  return options.redis ? openOnRedis(options, options.redis) : openOnSqlite(options);
}

function openOnSqlite(options: EngineOptions): Promise<OpenedEngine> {
  const path = join(options.dataDir, 'switchboard.db');
  const store = new SqliteStore({ path, now: options.wallNow, logger: options.logger });
  return seedDemo(store, options.hasher).then((demoLogins) => {
    const journal = store.journal();
    let stats: CenterStats | undefined;
    let history: LiveHistory | undefined;
    const { center, clock } = openCenter({
      config: demoConfig,
      store,
      journal,
      logger: options.logger,
      wallNow: options.wallNow,
      // Statistics see the replay (it rebuilds today's figures and the saved
      // interval rows exactly); the API subscribes after: sockets must not.
      beforeReplay: (c) => {
        stats = new CenterStats(c, { rows: store, resume: false });
        history = new LiveHistory(c);
      },
    });
    return {
      center,
      clock,
      store,
      stats: stats!,
      history: history!,
      demoLogins,
      async close() {
        clock.stop();
        stats!.stop();
        center.stop();
        journal.close();
        store.close();
      },
    };
  });
}

async function openOnRedis(options: EngineOptions, target: RedisTarget): Promise<OpenedEngine> {
  const { logger } = options;
  const prefix = target.prefix ?? 'sb:{main}:';
  const engineId = target.engineId ?? `${hostname()}:${process.pid}`;
  const leaseMs = target.leaseMs ?? 10_000;
  let deposed = false;
  const depose = (reason: string) => {
    if (deposed) return;
    deposed = true;
    logger.error({ engineId, reason }, 'this engine no longer runs the center');
    options.onDeposed?.(reason);
  };
  const client = await connectRedis(target.url, { logger, name: engineId });
  const lease = new Lease({ client, prefix, logger });

  let demoLogins: DemoLogin[] | null = null;
  let stats: CenterStats | undefined;
  let history: LiveHistory | undefined;
  const centerOptions: FollowOptions = {
    client,
    prefix,
    config: demoConfig,
    logger,
    wallNow: options.wallNow,
    beforeOpen: async (store) => {
      demoLogins = await seedDemo(store, options.hasher);
    },
    beforeReplay: (center, store) => {
      stats = new CenterStats(center, { rows: store, resume: false });
      history = new LiveHistory(center);
    },
    onStop: (error) => depose(error.message),
  };
  // The lease at once: a cold start. Otherwise a standby, keeping a replica
  // of the center while it waits, so that taking over replays only the tail.
  let token = await lease.acquire(engineId, leaseMs);
  const replica = token === null ? await followRedisCenter(centerOptions) : null;
  if (token === null) {
    logger.info({ engineId, prefix }, 'waiting for the center lease');
    token = await new Promise<number>((resolve) => lease.standby(engineId, leaseMs, resolve));
  }
  logger.info({ engineId, token }, 'holding the center lease');
  const keeper = lease.keep(engineId, leaseMs, token, depose);
  const rc = replica
    ? await replica.takeOver(token)
    : await openRedisCenter({ ...centerOptions, token });
  return {
    center: rc.center,
    clock: rc.clock,
    store: rc.store,
    stats: stats!,
    history: history!,
    demoLogins,
    redis: { client, prefix, writer: rc.writer, token },
    async close() {
      stats!.stop();
      keeper.stop();
      // A deposed engine's last writes are refused; it has said so already.
      await rc.stop().catch(() => {});
      // Handing the lease back at once spares a standby the wait.
      if (!deposed) await lease.release(engineId).catch(() => false);
      rc.center.stop();
      await client.close().catch(() => {});
    },
  };
}
