/**
 * What one benchmark run measures, per mode: `full` is the issue's
 * definition, `quick` a reduced run for a developer (under two minutes),
 * and `tiny` the smallest pieces, which the vitest suite runs so that a
 * broken benchmark fails CI. Every size and time budget lives here.
 */
export type BenchMode = 'tiny' | 'quick' | 'full';

export interface SimulationPlan {
  /** Agents of each M/M/n center simulated, at 90% occupancy. */
  agents: number[];
  /** Half-hour intervals simulated per center. */
  intervals: number;
  budgetMs: number;
}

export interface RoutingPlan {
  /** Center sizes, smallest first: the smallest is the baseline. */
  agents: number[];
  /** Contacts waiting for the contacts-side decisions, smallest first. */
  waiting: number[];
  /** Decisions timed at each size (their median is reported). */
  decisions: number;
  budgetMs: number;
}

export interface LivePlan {
  /** Agents configured, logged in and ready, each with a live socket. */
  agents: number;
  /** Seconds of each autocannon run. */
  throughputSec: number;
  connections: number;
  /** Contacts per second sent, one offer-latency run per rate. */
  latencyRates: number[];
  latencySec: number;
  budgetMs: number;
}

export interface MemoryPlan {
  agents: number;
  contacts: number;
  /** Bare XState actors, for the baseline. */
  actors: number;
  budgetMs: number;
}

export interface BenchPlan {
  mode: BenchMode;
  /** Seeds the simulator and the engine's random strategy draws. */
  seed: number;
  simulation: SimulationPlan;
  routing: RoutingPlan;
  live: LivePlan;
  memory: MemoryPlan;
}

export const plans: Record<BenchMode, BenchPlan> = {
  tiny: {
    mode: 'tiny',
    seed: 1,
    simulation: { agents: [20], intervals: 1, budgetMs: 30_000 },
    routing: { agents: [100, 200], waiting: [100, 200], decisions: 50, budgetMs: 30_000 },
    live: {
      agents: 4,
      throughputSec: 1,
      connections: 4,
      latencyRates: [20],
      latencySec: 1,
      budgetMs: 60_000,
    },
    memory: { agents: 200, contacts: 500, actors: 500, budgetMs: 30_000 },
  },
  quick: {
    mode: 'quick',
    seed: 1,
    simulation: { agents: [100, 1_000], intervals: 1, budgetMs: 40_000 },
    routing: {
      agents: [100, 1_000, 10_000],
      waiting: [100, 10_000],
      decisions: 1_000,
      budgetMs: 45_000,
    },
    live: {
      agents: 50,
      throughputSec: 3,
      connections: 10,
      latencyRates: [50],
      latencySec: 4,
      budgetMs: 60_000,
    },
    memory: { agents: 5_000, contacts: 10_000, actors: 10_000, budgetMs: 30_000 },
  },
  full: {
    mode: 'full',
    seed: 1,
    simulation: { agents: [100, 1_000], intervals: 4, budgetMs: 180_000 },
    routing: {
      agents: [100, 1_000, 10_000, 100_000],
      waiting: [100, 10_000, 100_000],
      decisions: 3_000,
      budgetMs: 420_000,
    },
    live: {
      agents: 200,
      throughputSec: 10,
      connections: 10,
      latencyRates: [50, 500],
      latencySec: 10,
      budgetMs: 180_000,
    },
    memory: { agents: 20_000, contacts: 50_000, actors: 50_000, budgetMs: 120_000 },
  },
};
