/**
 * Running the server as a process: reads PORT (default 3000), HOST
 * (default 127.0.0.1), DATA_DIR (default ./data) and the security settings
 * (TRUST_PROXY, SECURE_COOKIES, CORS_ORIGINS and the limits; see
 * security-config.ts) from the environment, starts the server, prints the
 * demo logins when it has just created the database, and shuts down
 * gracefully on SIGTERM or SIGINT. With REDIS_URL the center lives in
 * Redis instead (REDIS_PREFIX, default `sb:{main}:`; ENGINE_ID, default
 * host:pid; LEASE_MS, default 10000): the process waits as a standby
 * until it holds the center's lease, and exits with status 1 when it
 * loses it. With ROLE=api (and REDIS_URL) the process is an API node
 * instead (engine/gateway/api-node.ts; NODE_ID, FORWARD_TIMEOUT_MS).
 * `npm start` runs engine/server.ts;
 * `npm run demo` adds demo traffic (sim/demo.ts).
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DemoLogin } from '../demo-config.js';
import { webPages } from '../../web/serve-static.js';
import { SecurityEnv } from './security-config.js';
import { startServer, type RunningServer } from './start-server.js';
import { startApiNode } from '../gateway/api-node.js';
import { createLogger, type Logger } from '../logger.js';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.string().url().optional(),
  // The hash tag keeps a center's keys in one cluster slot (center-keys.ts).
  REDIS_PREFIX: z.string().min(1).default('sb:{main}:'),
  ENGINE_ID: z.string().min(1).optional(),
  LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  // `api`: a stateless API node in front of the engines of a Redis center.
  ROLE: z.enum(['server', 'api']).default('server'),
  NODE_ID: z.string().min(1).optional(),
  FORWARD_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
});

export interface RunOptions {
  /** Runs before the server closes on a signal (stop demo traffic, say). */
  beforeStop?: () => Promise<void>;
}

/** Starts the server from the environment; null if the environment is bad. */
export async function runServer(
  options: RunOptions = {},
): Promise<{ server: RunningServer; logger: Logger } | null> {
  const logger = createLogger();
  const env = Env.safeParse(process.env);
  const security = SecurityEnv.safeParse(process.env);
  if (!env.success || !security.success) {
    const issues = [...(env.error?.issues ?? []), ...(security.error?.issues ?? [])];
    logger.error(
      { issues: issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
      'bad environment',
    );
    process.exitCode = 2;
    return null;
  }

  const { REDIS_URL, REDIS_PREFIX, ENGINE_ID, LEASE_MS } = env.data;
  if (env.data.ROLE === 'api') {
    if (!REDIS_URL) {
      logger.error(
        { issues: ['REDIS_URL: an API node needs the Redis of its center'] },
        'bad environment',
      );
      process.exitCode = 2;
      return null;
    }
    const node = await startApiNode({
      port: env.data.PORT,
      host: env.data.HOST,
      redisUrl: REDIS_URL,
      prefix: REDIS_PREFIX,
      forwardTimeoutMs: env.data.FORWARD_TIMEOUT_MS,
      maxBodyBytes: security.data.maxBodyBytes,
      maxFrameBytes: security.data.liveMaxFrameBytes,
      logger,
      pages: webPages(),
      ...(env.data.NODE_ID ? { nodeId: env.data.NODE_ID } : {}),
    }).catch((err: unknown) => {
      logger.error({ err }, 'the API node could not start');
      process.exit(1);
    });
    stopOnSignals(logger, options, () => node.close());
    return null;
  }
  const redis = REDIS_URL
    ? {
        url: REDIS_URL,
        prefix: REDIS_PREFIX,
        leaseMs: LEASE_MS,
        ...(ENGINE_ID ? { engineId: ENGINE_ID } : {}),
      }
    : undefined;
  const server = await startServer({
    port: env.data.PORT,
    host: env.data.HOST,
    dataDir: resolve(env.data.DATA_DIR),
    logger,
    pages: webPages(),
    security: security.data,
    ...(redis ? { redis } : {}),
    // Another engine runs the center now; a supervisor restarts this one as a standby.
    onDeposed: function exitDeposed(reason) {
      logger.error({ reason }, 'deposed: exiting');
      process.exit(1);
    },
  }).catch((err: unknown) => {
    logger.error({ err }, 'the server could not start');
    process.exit(1);
  });
  if (server.demoLogins) printWelcome(server.url, server.demoLogins);

  stopOnSignals(logger, options, () => server.close());
  return { server, logger };
}

/** Closes gracefully on SIGTERM or SIGINT; a second signal exits at once. */
function stopOnSignals(logger: Logger, options: RunOptions, close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    Promise.resolve(options.beforeStop?.())
      .then(close)
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/**
 * Shown once, when this start created the database. Written to stdout
 * rather than the log: it is for the person at the terminal, and the
 * passwords are the public demo ones.
 */
function printWelcome(url: string, logins: DemoLogin[]): void {
  const rows = logins.map(
    (l) =>
      `  ${l.role.padEnd(10)} ${l.username.padEnd(12)} ${l.password}${l.agentId ? `  (agent ${l.agentId})` : ''}`,
  );
  process.stdout.write(
    [
      '',
      `Switchboard is running at ${url}`,
      `API description: ${url}/api/openapi.json`,
      '',
      'Demo logins (created just now; change them before real use):',
      ...rows,
      '',
    ].join('\n') + '\n',
  );
}
