/**
 * Runs a scenario through the engine: shifts log agents in and out at
 * each interval boundary, each queue's arrivals come from its piecewise
 * Poisson stream, and every random draw comes from one seeded generator.
 *
 * A contact's draws (handle time, patience, answer delay, callback
 * choice) are all made when it arrives, so the stream of draws depends
 * only on arrival times and never on how the center coped: two runs with
 * the same seed and different staffing see the very same customers.
 */
import { sample } from './distributions.js';
import { Random } from './random.js';
import {
  centerConfigOf,
  groupAgentIds,
  intervalCount,
  startMsOf,
  thresholdsOf,
  valueAt,
  type QueueTraffic,
  type Scenario,
} from './scenario.js';
import type { Journal } from '../engine/journal.js';
import { Simulation } from './simulation.js';
import type { SimulationResult } from './simulation-result.js';
import { PiecewisePoisson } from './traffic.js';

export interface RunOptions {
  /** Overrides the scenario's seed; default the scenario's, else 1. */
  seed?: number;
  /** Journals the engine's commands, as a server does (the recovery benchmark replays them). */
  journal?: Journal;
}

/** The seed a run of this scenario uses. */
export function seedOf(scenario: Scenario, options: RunOptions = {}): number {
  return options.seed ?? scenario.seed ?? 1;
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): SimulationResult {
  const seed = seedOf(scenario, options);
  const rng = new Random(seed);
  const startMs = startMsOf(scenario);
  const intervalMs = scenario.intervalMinutes * 60_000;
  const count = intervalCount(scenario);
  const sim = new Simulation({
    config: centerConfigOf(scenario),
    startMs,
    seed,
    intervalMinutes: scenario.intervalMinutes,
    thresholds: thresholdsOf(scenario),
  });
  if (options.journal) sim.center.attachJournal(options.journal);

  for (let k = 0; k < count; k++) {
    sim.at(startMs + k * intervalMs, () => applyShifts(sim, scenario, k));
  }
  for (const traffic of scenario.traffic) {
    const arrivals = Array.from({ length: count }, (_, k) => valueAt(traffic.arrivals, k));
    const stream = new PiecewisePoisson(arrivals, intervalMs, startMs);
    scheduleArrivals(sim, traffic, stream, rng);
  }

  // After the horizon the last interval's agents stay until the queues
  // drain, so every contact that arrived is served or gives up.
  return sim.finish(startMs + count * intervalMs);
}

/** Logs in (or keeps) the first n agents of each group, and the rest out. */
function applyShifts(sim: Simulation, scenario: Scenario, interval: number): void {
  for (const group of scenario.center.groups) {
    const shift = scenario.shifts[group.id];
    const wanted = shift ? valueAt(shift, interval) : group.count;
    groupAgentIds(group).forEach((id, i) => {
      if (i < wanted) sim.bringIn(id);
      else sim.sendHome(id);
    });
  }
}

function scheduleArrivals(
  sim: Simulation,
  traffic: QueueTraffic,
  stream: PiecewisePoisson,
  rng: Random,
): void {
  let n = 0;
  const next = (after: number) => {
    const at = stream.next(rng, after);
    if (at === null) return;
    // Times are whole milliseconds, like the engine's clock readings.
    sim.at(Math.round(at), () => {
      n += 1;
      const callbackShare = traffic.callbackShare;
      sim.arrive({
        id: `${traffic.queue}-${n}`,
        queueId: traffic.queue,
        channel: traffic.channel,
        ...(traffic.priority !== undefined ? { priority: traffic.priority } : {}),
        handleMs: toMs(sample(traffic.handle, rng)),
        patienceMs: toMs(sample(traffic.patience, rng)),
        answerDelayMs: toMs(sample(traffic.answerDelay, rng)),
        // Drawn only when it can go either way, so a share of 0 or 1
        // leaves the other draws where they were.
        choosesCallback: callbackShare > 0 && (callbackShare >= 1 || rng.next() < callbackShare),
      });
      next(at);
    });
  };
  next(-Infinity);
}

/** Seconds to whole milliseconds; Infinity stays Infinity. */
function toMs(seconds: number): number {
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : Infinity;
}
