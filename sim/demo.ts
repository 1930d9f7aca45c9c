/**
 * `npm run demo`: the server as `npm start` runs it, driven in real time by
 * simulated customers and agents through the public API, so the pages show
 * a living center within seconds. agent1 and agent2 are left for you.
 * DEMO_RATE (arrivals per minute, default 6) and DEMO_SEED (default 1).
 */
import { demoUsers, runServer } from '../engine/index.js';
import { startDemoTraffic, type DemoTraffic } from './demo-traffic.js';

// The demo's customers all come from one address: let its rate through.
const asked = Number(process.env.DEMO_RATE ?? 6);
const rate = Number.isFinite(asked) && asked > 0 ? asked : 6;
process.env.CONTACT_RATE_PER_MIN ??= String(Math.max(30, Math.ceil(rate * 2)));
process.env.CONTACT_RATE_BURST ??= process.env.CONTACT_RATE_PER_MIN;

let traffic: DemoTraffic | undefined;
const running = await runServer({ beforeStop: () => traffic?.stop() ?? Promise.resolve() });

if (running) {
  const { server, logger } = running;
  const played = demoUsers.filter((u) => u.role === 'agent').slice(2);
  const seed = Number(process.env.DEMO_SEED ?? 1);
  traffic = await startDemoTraffic({
    baseUrl: server.url,
    agents: played.map(({ username, password }) => ({ username, password })),
    arrivalsPerMinute: rate,
    seed: Number.isInteger(seed) && seed >= 0 ? seed : 1,
    logger,
  });
  process.stdout.write(
    [
      '',
      `Demo traffic on ${server.url}: customers arrive, ${played.length} simulated agents answer.`,
      `  customer page   ${server.url}/`,
      `  agent desk      ${server.url}/agent       (agent1 / agent-demo is yours)`,
      `  supervisor      ${server.url}/supervisor  (supervisor1 / supervisor-demo)`,
      '',
    ].join('\n') + '\n',
  );
}
