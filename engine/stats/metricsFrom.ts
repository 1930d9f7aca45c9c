/**
 * The metric values of a set of counters. Every ratio is computed here,
 * once, from sums and counts; a ratio whose denominator is zero is null
 * (no contacts is not 0 % and not 100 %).
 */
import {
  loggedInStates,
  type AgentStateMs,
  type IntervalStats,
} from './intervalStats.js';
import {
  serviceLevel,
  type ServiceLevel,
  type ServiceLevelOptions,
} from './serviceLevel.js';

export type MetricsOptions = ServiceLevelOptions;

export interface Metrics {
  /** Contacts that entered a queue (callbacks included). */
  offered: number;
  /** Contacts that left the live queue by being answered. */
  answered: number;
  /** Contacts whose customer left before an answer or a callback request. */
  abandoned: number;
  /** Abandons with wait <= the short-abandon limit (default 5 s). */
  shortAbandons: number;
  callbacksRequested: number;
  /** Contacts that overflowed at least once. */
  overflowed: number;
  /** Contacts transferred at least once. */
  transferred: number;
  /** Contacts an agent answered at all, callbacks included. */
  handled: number;
  serviceLevel: ServiceLevel;
  /** Average speed of answer: mean of answeredAt − queuedAt, answered only. */
  asaMs: number | null;
  /**
   * Mean wait of the contacts that left the live queue by answer or abandon.
   * Callbacks are left out: their customers stopped waiting on the line.
   */
  averageWaitMs: number | null;
  /** Mean of abandonedAt − queuedAt over abandoned contacts. */
  averageAbandonMs: number | null;
  /** The longest wait of any contact that left the queue; null if none did. */
  longestWaitMs: number | null;
  /** abandoned / offered. A callback is not an abandon. */
  abandonRate: number | null;
  /** Mean handle time (talk + hold + wrap-up) over handled contacts. */
  averageHandleMs: number | null;
  averageTalkMs: number | null;
  averageHoldMs: number | null;
  averageWrapUpMs: number | null;
  /**
   * handling / (handling + available), where handling is time in the busy
   * and wrapUp states and available is time in ready and ringing. Ringing
   * counts as available: the agent was free and waiting for work, and the
   * ring is the routing engine's latency, not work on a contact.
   */
  occupancy: number | null;
  /** (handling + available) / logged-in time (all five logged-in states). */
  utilisation: number | null;
  agentStateMs: AgentStateMs;
  /** ready + notReady + ringing + busy + wrapUp. */
  loggedInMs: number;
}

export function metricsFrom(
  counters: IntervalStats,
  options: MetricsOptions = {},
): Metrics {
  const c = counters;
  const leftLive = c.answered + c.abandoned + c.callbacksRequested;
  const states = c.agentStateMs;
  const handling = states.busy + states.wrapUp;
  const available = states.ready + states.ringing;
  const loggedInMs = loggedInStates.reduce((sum, s) => sum + states[s], 0);

  return {
    offered: c.offered,
    answered: c.answered,
    abandoned: c.abandoned,
    shortAbandons: c.abandonedWithinShort,
    callbacksRequested: c.callbacksRequested,
    overflowed: c.overflowed,
    transferred: c.transferred,
    handled: c.handled,
    serviceLevel: serviceLevel(c, options),
    asaMs: ratio(c.answeredWaitSumMs, c.answered),
    averageWaitMs: ratio(
      c.answeredWaitSumMs + c.abandonedWaitSumMs,
      c.answered + c.abandoned,
    ),
    averageAbandonMs: ratio(c.abandonedWaitSumMs, c.abandoned),
    longestWaitMs: leftLive > 0 ? c.maxWaitMs : null,
    abandonRate: ratio(c.abandoned, c.offered),
    averageHandleMs: ratio(c.handleSumMs, c.handled),
    averageTalkMs: ratio(c.talkSumMs, c.handled),
    averageHoldMs: ratio(c.holdSumMs, c.handled),
    averageWrapUpMs: ratio(c.wrapUpSumMs, c.handled),
    occupancy: ratio(handling, handling + available),
    utilisation: ratio(handling + available, loggedInMs),
    agentStateMs: { ...states },
    loggedInMs,
  };
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
