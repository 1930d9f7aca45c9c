/**
 * The demo traffic against the real server: simulated customers and agents
 * through the public API make a living center within seconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argon2Hasher, testCost } from '../../engine/auth/password-hasher.js';
import { demoUsers } from '../../engine/demo-config.js';
import { startServer } from '../../engine/http/start-server.js';
import { silentLogger } from '../../engine/logger.js';
import { startDemoTraffic } from '../../sim/demo-traffic.js';

describe('demo traffic', () => {
  it('drives customers to simulated agents who answer, talk and wrap up', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'demo-'));
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      logger: silentLogger,
      hasher: argon2Hasher(testCost),
    });
    const agents = demoUsers.filter((u) => u.role === 'agent').slice(2);

    const traffic = await startDemoTraffic({
      baseUrl: server.url,
      agents: agents.map(({ username, password }) => ({ username, password })),
      arrivalsPerMinute: 600,
      meanTalkSec: 0.3,
      seed: 3,
      logger: silentLogger,
    });
    await expect
      .poll(() => server.store.listContacts({}).filter((r) => r.outcome === 'completed').length, {
        timeout: 15_000,
        interval: 200,
      })
      .toBeGreaterThanOrEqual(3);
    await traffic.stop();
    const handled = server.store.listContacts({}).filter((r) => r.outcome === 'completed');
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });

    const loggedIn = agents.map((a) => a.agentId);
    expect(handled.every((r) => loggedIn.includes(r.agentId!))).toBe(true);
    expect(handled.every((r) => r.answeredAt! - r.queuedAt >= 1_000)).toBe(true);
  });
});
