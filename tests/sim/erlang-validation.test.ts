/**
 * The engine, driven by the simulator, against queueing theory: M/M/n
 * against Erlang C and M/M/n+M against Erlang A. Each check runs
 * independent replications (a warm-up half hour discarded) and asks that
 * the formula's value lie inside the replications' 99 % t-interval, which
 * is as tight as the simulated time allows and no tighter.
 */
import { describe, expect, it } from 'vitest';
import { stats } from '../../engine/index.js';
import { meanConfidence, type MeanEstimate } from '../../sim/confidence.js';
import { erlangA, erlangCMetrics } from '../../sim/erlang.js';
import { runScenario } from '../../sim/run-scenario.js';
import { parseScenario, type ScenarioInput } from '../../sim/scenario.js';
import { totalOf } from '../../sim/simulation-result.js';

const halfHour = 30 * 60_000;

interface Markovian {
  agents: number;
  ahtSec: number;
  arrivalsPerHalfHour: number;
  patience: ScenarioInput['traffic'][number]['patience'];
  /** Half hours measured after the warm-up half hour. */
  measured: number;
}

/** One queue, exponential arrivals and handle times, answer delay 0. */
function markovian({ agents, ahtSec, arrivalsPerHalfHour, patience, measured }: Markovian) {
  return parseScenario({
    start: '2026-01-05T08:00:00Z',
    intervalMinutes: 30,
    intervals: 1 + measured,
    // Cut at 0 s, "answered within T" means "never waited".
    thresholds: { serviceLevelSec: 0, shortAbandonSec: 0 },
    center: {
      queues: [{ id: 'q', strategy: 'longest-idle', wrapUpSec: 0 }],
      groups: [{ id: 'a', count: agents }],
    },
    traffic: [
      {
        queue: 'q',
        arrivals: [arrivalsPerHalfHour],
        handle: { kind: 'exponential', mean: ahtSec },
        patience,
        answerDelay: { kind: 'constant', value: 0 },
      },
    ],
  });
}

// Each check runs about 5 s alone on two cores; the longer timeout is for
// a full suite sharing them.

/** Per replication: the counters of every contact after the warm-up. */
function replicate(scenario: ReturnType<typeof markovian>, replications: number): stats.IntervalStats[] {
  return Array.from({ length: replications }, (_, r) => {
    const result = runScenario(scenario, { seed: 1_000 + r });
    return totalOf(result, {}, result.startMs + halfHour, result.horizonMs);
  });
}

function estimate(values: number[]): MeanEstimate {
  return meanConfidence(values, 0.99);
}

/** Prints the formula's value beside the interval, for the test log. */
function report(what: string, theory: number, simulated: MeanEstimate): void {
  const range = `[${simulated.low.toFixed(4)}, ${simulated.high.toFixed(4)}]`;
  process.stdout.write(`${what}: Erlang ${theory.toFixed(4)}, simulated 99% CI ${range}\n`);
}

describe('M/M/n through the engine', () => {
  it('waits as long and as often as Erlang C says', () => {
    // 7 Erlangs on 10 agents. Waits stay correlated for many minutes, so
    // each replication measures 6 hours (about 1,260 callers).
    const load = { agents: 10, ahtSec: 120, arrivalsPerHalfHour: 105, measured: 12 };
    const { agents, ahtSec, arrivalsPerHalfHour } = load;
    const theory = erlangCMetrics({ arrivalRatePerSec: arrivalsPerHalfHour / 1_800, ahtSec, agents });

    const runs = replicate(markovian({ ...load, patience: { kind: 'none' } }), 10);

    const meanWait = estimate(runs.map((c) => c.answeredWaitSumMs / c.answered / 1000));
    const probWait = estimate(runs.map((c) => 1 - c.answeredWithinT / c.answered));
    report(`M/M/${agents} mean wait, s`, theory.asaSec, meanWait);
    report(`M/M/${agents} P(wait)`, theory.probWait, probWait);
    expect(runs.every((c) => c.abandoned === 0 && c.answered === c.offered)).toBe(true);
    expect(theory.asaSec).toBeGreaterThanOrEqual(meanWait.low);
    expect(theory.asaSec).toBeLessThanOrEqual(meanWait.high);
    expect(theory.probWait).toBeGreaterThanOrEqual(probWait.low);
    expect(theory.probWait).toBeLessThanOrEqual(probWait.high);
    // The intervals must be narrow enough to mean something.
    expect(meanWait.halfWidth).toBeLessThan(0.5 * theory.asaSec);
    expect(probWait.halfWidth).toBeLessThan(0.1);
  }, 60_000);
});

describe('M/M/n+M through the engine', () => {
  it('abandons and makes callers wait as often as Erlang A says', () => {
    // 20 Erlangs on 20 agents: only abandonment keeps it stable.
    const load = { agents: 20, ahtSec: 60, arrivalsPerHalfHour: 600, measured: 4 };
    const { agents, ahtSec, arrivalsPerHalfHour } = load;
    const patienceMeanSec = 60;
    const theory = erlangA({ arrivalRatePerSec: arrivalsPerHalfHour / 1_800, ahtSec, agents, patienceMeanSec });

    const runs = replicate(markovian({ ...load, patience: { kind: 'exponential', mean: patienceMeanSec } }), 10);

    const probAbandon = estimate(runs.map((c) => c.abandoned / c.offered));
    const probWait = estimate(runs.map((c) => 1 - (c.answeredWithinT + c.abandonedWithinT) / c.offered));
    report(`M/M/${agents}+M P(abandon)`, theory.probAbandon, probAbandon);
    report(`M/M/${agents}+M P(wait)`, theory.probWait, probWait);
    expect(theory.probAbandon).toBeGreaterThanOrEqual(probAbandon.low);
    expect(theory.probAbandon).toBeLessThanOrEqual(probAbandon.high);
    expect(theory.probWait).toBeGreaterThanOrEqual(probWait.low);
    expect(theory.probWait).toBeLessThanOrEqual(probWait.high);
    expect(probAbandon.halfWidth).toBeLessThan(0.3 * theory.probAbandon);
    expect(probWait.halfWidth).toBeLessThan(0.1);
  }, 60_000);
});
