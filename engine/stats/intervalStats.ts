/**
 * The counters of one interval (or of any roll-up of intervals): sums and
 * counts only, so a range is the exact sum of its rows and never an average
 * of averages. Plain JSON, so a store can persist and reload them.
 *
 * Contact counters: every contact is counted once, by how it left the live
 * queue (see `queueExit`). Its wait is the time from `queuedAt` until it
 * left: `answeredAt`, `abandonedAt` or `callbackRequestedAt`.
 */
import { z } from 'zod';
import {
  defaultThresholds,
  sameThresholds,
  StatsThresholds,
} from './statsThresholds.js';

/** The agent states whose time is counted; logged-out time is not. */
export const loggedInStates = [
  'ready',
  'notReady',
  'ringing',
  'busy',
  'wrapUp',
] as const;
export type LoggedInState = (typeof loggedInStates)[number];

const Count = z.number().int().min(0);
const Ms = z.number().min(0);

export const AgentStateMs = z.object({
  ready: Ms,
  notReady: Ms,
  ringing: Ms,
  busy: Ms,
  wrapUp: Ms,
});
export type AgentStateMs = z.infer<typeof AgentStateMs>;

export const IntervalStats = z.object({
  /** The thresholds the within-T and short counts were cut at. */
  thresholds: StatsThresholds,
  /** Contacts that entered a queue. */
  offered: Count,
  /** Contacts that left the live queue because an agent answered. */
  answered: Count,
  /** Sum of the waits of answered contacts (answeredAt − queuedAt). */
  answeredWaitSumMs: Ms,
  /** Answered contacts with wait <= T. */
  answeredWithinT: Count,
  /** Contacts whose customer left before any answer or callback request. */
  abandoned: Count,
  /** Sum of the waits of abandoned contacts (abandonedAt − queuedAt). */
  abandonedWaitSumMs: Ms,
  /** Abandoned contacts with wait <= T. */
  abandonedWithinT: Count,
  /** Abandoned contacts with wait > T (so within + after = abandoned). */
  abandonedAfterT: Count,
  /** Short abandons: abandoned with wait <= the short-abandon limit. */
  abandonedWithinShort: Count,
  /** Contacts that asked for a callback before being answered. */
  callbacksRequested: Count,
  /** Sum of the waits of callback contacts (callbackRequestedAt − queuedAt). */
  callbackWaitSumMs: Ms,
  /** The longest wait of any contact counted here, whatever its exit. */
  maxWaitMs: Ms,
  /** Contacts that overflowed to another queue at least once. */
  overflowed: Count,
  /** Contacts transferred at least once. */
  transferred: Count,
  /** Contacts an agent answered at all (live answers and callbacks). */
  handled: Count,
  /** Sum of talk time of handled contacts (see `contactTimes`). */
  talkSumMs: Ms,
  /** Sum of hold time of handled contacts. */
  holdSumMs: Ms,
  /** Sum of after-contact work (wrapUpEndedAt − endedAt). */
  wrapUpSumMs: Ms,
  /** Sum of handle time: talk + hold + wrap-up. */
  handleSumMs: Ms,
  /** Time agents spent in each logged-in state, from `agent.state` events. */
  agentStateMs: AgentStateMs,
});
export type IntervalStats = z.infer<typeof IntervalStats>;

/** The counters that simply add: all but thresholds, the max and the nested states. */
type SummedField = Exclude<
  keyof IntervalStats,
  'thresholds' | 'agentStateMs' | 'maxWaitMs'
>;

// A record rather than a list so that the compiler insists on every field:
// a counter forgotten here would silently stop rolling up.
const summed: Record<SummedField, true> = {
  offered: true,
  answered: true,
  answeredWaitSumMs: true,
  answeredWithinT: true,
  abandoned: true,
  abandonedWaitSumMs: true,
  abandonedWithinT: true,
  abandonedAfterT: true,
  abandonedWithinShort: true,
  callbacksRequested: true,
  callbackWaitSumMs: true,
  overflowed: true,
  transferred: true,
  handled: true,
  talkSumMs: true,
  holdSumMs: true,
  wrapUpSumMs: true,
  handleSumMs: true,
};
const summedFields = Object.keys(summed) as SummedField[];

/** All zero, cut at the given thresholds (T = 20 s, short = 5 s if none). */
export function emptyCounters(
  thresholds: StatsThresholds = defaultThresholds,
): IntervalStats {
  return {
    thresholds: { ...thresholds },
    offered: 0,
    answered: 0,
    answeredWaitSumMs: 0,
    answeredWithinT: 0,
    abandoned: 0,
    abandonedWaitSumMs: 0,
    abandonedWithinT: 0,
    abandonedAfterT: 0,
    abandonedWithinShort: 0,
    callbacksRequested: 0,
    callbackWaitSumMs: 0,
    maxWaitMs: 0,
    overflowed: 0,
    transferred: 0,
    handled: 0,
    talkSumMs: 0,
    holdSumMs: 0,
    wrapUpSumMs: 0,
    handleSumMs: 0,
    agentStateMs: { ready: 0, notReady: 0, ringing: 0, busy: 0, wrapUp: 0 },
  };
}

/**
 * The counters of both ranges together. Sums add; `maxWaitMs` takes the
 * larger, which is just as exact. Counters cut at different thresholds
 * cannot be combined and throw.
 */
export function addCounters(a: IntervalStats, b: IntervalStats): IntervalStats {
  if (!sameThresholds(a.thresholds, b.thresholds)) {
    throw new RangeError(
      `cannot add counters cut at different thresholds: ` +
        `${JSON.stringify(a.thresholds)} and ${JSON.stringify(b.thresholds)}`,
    );
  }
  const sum = emptyCounters(a.thresholds);
  for (const field of summedFields) sum[field] = a[field] + b[field];
  sum.maxWaitMs = Math.max(a.maxWaitMs, b.maxWaitMs);
  for (const state of loggedInStates) {
    sum.agentStateMs[state] = a.agentStateMs[state] + b.agentStateMs[state];
  }
  return sum;
}

/** Adds `b` into `into` in place, for holders of long-lived rows. */
export function accumulate(into: IntervalStats, b: IntervalStats): void {
  const sum = addCounters(into, b);
  Object.assign(into, sum);
}
