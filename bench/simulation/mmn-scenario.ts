/**
 * The M/M/n scenario the simulation benchmark runs: one queue, Poisson
 * arrivals, exponential handle times (mean 180 s), no wrap-up, no
 * abandonment, answer delay 0, and arrivals set so the agents are busy
 * 90% of the time. Like sim/examples/mmn.json, scaled to `agents`.
 */
import { parseScenario, type Scenario } from '../../sim/index.js';

export const handleMeanSec = 180;
export const intervalMinutes = 30;

/** Expected arrivals per interval that keep `agents` busy at `occupancy`. */
export function arrivalsPerInterval(agents: number, occupancy: number): number {
  return Math.round((occupancy * agents * intervalMinutes * 60) / handleMeanSec);
}

export function mmnScenario(
  agents: number,
  intervals: number,
  seed: number,
  occupancy = 0.9,
): Scenario {
  return parseScenario(
    {
      name: `mmn-${agents}`,
      start: '2026-01-05T08:00:00Z',
      intervalMinutes,
      intervals,
      seed,
      center: {
        queues: [{ id: 'q', strategy: 'longest-idle', wrapUpSec: 0, ringTimeoutSec: 20 }],
        groups: [{ id: 'agents', count: agents }],
      },
      traffic: [
        {
          queue: 'q',
          arrivals: [arrivalsPerInterval(agents, occupancy)],
          handle: { kind: 'exponential', mean: handleMeanSec },
          patience: { kind: 'none' },
          answerDelay: { kind: 'constant', value: 0 },
        },
      ],
    },
    `mmn-${agents}`,
  );
}
