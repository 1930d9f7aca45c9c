/**
 * The real server on loopback (`startServer`: SQLite store and command
 * journal in a temporary data directory, the Hono API and its WebSocket)
 * running a bench configuration: `agents` agents serving one queue with no
 * wrap-up, each with a user to sign in with, all logged in and ready.
 *
 * `startServer` seeds the demo center on a first start and keeps what the
 * store holds on a restart. So the bench starts it once, stores its own
 * configuration and users, and starts it again: the server measured is
 * the production one, unchanged, but for one limit: all the load comes
 * from one loopback address, so the per-address contact rate limit is
 * raised out of the way (its token bucket still runs on every request).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser, testCost, argon2Hasher } from '../../engine/auth/index.js';
import {
  parseConfig,
  silentLogger,
  startServer,
  type CenterConfigInput,
  type RunningServer,
  type ServerOptions,
} from '../../engine/index.js';

export interface BenchServer {
  server: RunningServer;
  agentIds: string[];
  /** A signed-in session token per agent, for its live socket. */
  tokens: string[];
  close(): Promise<void>;
}

const password = 'bench-agent-password';
/** A per-address contact limit no benchmark reaches. */
const unlimited = 1_000_000_000;

export function benchConfig(agentIds: readonly string[]): CenterConfigInput {
  return {
    skills: ['general'],
    queues: [{ id: 'general', name: 'General', skills: [{ skill: 'general' }], wrapUpSec: 0 }],
    agents: agentIds.map((id) => ({ id, name: `Bench ${id}`, skills: { general: 3 } })),
  };
}

export async function startBenchServer(agents: number): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
  const options: ServerOptions = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logger: silentLogger,
    // Sign-ins are not measured; the cheap cost keeps setup short.
    hasher: argon2Hasher(testCost),
    security: { contactsPerMinute: unlimited, contactBurst: unlimited },
  };
  const agentIds = Array.from({ length: agents }, (_, i) => `a${i + 1}`);

  const seeding = await startServer(options);
  seeding.store.saveConfig(parseConfig(benchConfig(agentIds)));
  for (const id of agentIds) {
    await createUser(seeding.store, options.hasher!, {
      username: `bench-${id}`,
      displayName: `Bench ${id}`,
      role: 'agent',
      agentId: id,
      password,
    });
  }
  await seeding.close();

  const server = await startServer(options);
  const configured = server.center.configuration.agents.length;
  if (configured !== agents) {
    await server.close();
    throw new Error(`bench server: expected ${agents} agents, the server runs ${configured}`);
  }
  const tokens: string[] = [];
  for (const id of agentIds) {
    server.center.login(id);
    server.center.ready(id);
    const session = await server.api.sessions.login(`bench-${id}`, password);
    if (!session) throw new Error(`bench server: bench-${id} could not sign in`);
    tokens.push(session.token);
  }

  return {
    server,
    agentIds,
    tokens,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
