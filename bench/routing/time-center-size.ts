/**
 * Times the routing decisions of one center size: builds a center of `a`
 * agents, times contact arrivals with every agent free, then makes every
 * agent busy and times agent releases with each number of contacts
 * waiting. Sizes that would overrun the part's time budget are left out.
 */
import type { Deadline } from '../deadline.js';
import { collectGarbage } from '../gc.js';
import { median, percentile } from '../sample-summary.js';
import { RoutingCenter } from './routing-center.js';

export interface Timed {
  medianUs: number;
  details: Record<string, number>;
}

export interface SizeTimes {
  agents: number;
  arrival: Timed;
  /** Release times by number of contacts waiting. */
  release: Map<number, Timed>;
  /** Numbers waiting left out for the budget. */
  skipped: number[];
}

/** Setup milliseconds per agent and per contact: guessed, then measured. */
export interface SetupCosts {
  msPerAgent: number;
  msPerContact: number;
}

export function timeCenterSize(
  a: number,
  waiting: readonly number[],
  decisions: number,
  seed: number,
  deadline: Deadline,
  costs: SetupCosts,
): SizeTimes {
  let started = performance.now();
  const rc = new RoutingCenter(a, seed);
  rc.readyAll();
  costs.msPerAgent = (performance.now() - started) / a;
  const arrival = timeDecisions(decisions, () => rc.timeArrival());

  started = performance.now();
  rc.occupyAll();
  costs.msPerContact = (performance.now() - started) / a;
  const release = new Map<number, Timed>();
  const skipped: number[] = [];
  for (const w of waiting) {
    if (!deadline.allows((w - rc.waitingCount) * costs.msPerContact + decisions * 0.5)) {
      skipped.push(w);
      continue;
    }
    rc.fillWaiting(w);
    let i = 0;
    release.set(
      w,
      timeDecisions(decisions, () => rc.timeRelease(rc.agentIds[i++ % a]!)),
    );
  }
  rc.center.stop();
  return { agents: a, arrival, release, skipped };
}

/** Expected milliseconds to build and time a size. */
export function expectedMs(a: number, maxWaiting: number, costs: SetupCosts): number {
  return a * (costs.msPerAgent + costs.msPerContact) + maxWaiting * costs.msPerContact;
}

/** Times `n` decisions, after a few untimed ones at this size. */
function timeDecisions(n: number, decide: () => number): Timed {
  for (let i = 0; i < Math.min(100, n); i++) decide();
  collectGarbage();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push(decide() * 1_000);
  return {
    medianUs: median(samples),
    details: {
      decisions: n,
      p90Us: round(percentile(samples, 90)),
      p99Us: round(percentile(samples, 99)),
    },
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
