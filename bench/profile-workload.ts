/**
 * One benchmark workload, alone, to run under the profiler:
 *
 *   node --cpu-prof --cpu-prof-dir=prof --import tsx bench/profile-workload.ts <workload>
 *
 * `simulation`: the 1,000-agent M/M/n half hour through the simulator.
 * `routing`: 5,000 arrivals at 10,000 free agents, then 5,000 releases
 * with 10,000 waiting. `live`: the real server with the agent desk, under
 * autocannon for 6 s. Then summarise the main thread's profile (the
 * largest file) with bench/profile-summary.ts.
 */
import { runScenario } from '../sim/index.js';
import { AgentDesk } from './live/agent-desk.js';
import { startBenchServer } from './live/bench-server.js';
import type { CannonResult } from './live/cannon-client.js';
import { runClient } from './live/client-channel.js';
import { RoutingCenter } from './routing/routing-center.js';
import { mmnScenario } from './simulation/mmn-scenario.js';

const workloads: Record<string, () => Promise<void> | void> = {
  simulation() {
    runScenario(mmnScenario(20, 1, 1));
    runScenario(mmnScenario(1_000, 1, 1));
  },
  routing() {
    const rc = new RoutingCenter(10_000, 1);
    rc.readyAll();
    for (let i = 0; i < 5_000; i++) rc.timeArrival();
    rc.occupyAll();
    rc.fillWaiting(10_000);
    for (let i = 0; i < 5_000; i++) rc.timeRelease(rc.agentIds[i % 10_000]!);
  },
  async live() {
    const bench = await startBenchServer(50);
    const desk = new AgentDesk(bench.server.center);
    const url = `${bench.server.url}/api/contacts`;
    await runClient<CannonResult>(
      'live/cannon-client.ts',
      { url, connections: 10, durationSec: 6 },
      60_000,
    );
    desk.close();
    await bench.close();
  },
};

const name = process.argv[2] ?? '';
const workload = workloads[name];
if (!workload) throw new Error(`usage: profile-workload.ts <${Object.keys(workloads).join('|')}>`);
await workload();
process.stderr.write(`profile-workload: ${name} done\n`);
process.exit(0);
