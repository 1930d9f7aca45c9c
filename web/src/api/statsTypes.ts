/**
 * Statistics as the API sends them (engine/stats): metrics, the live
 * snapshot, and interval points as the charts read them.
 */
import type { AgentState } from './types';

export interface ServiceLevel {
  value: number | null;
  formula: string;
  thresholdMs: number;
  name: string;
  numerator: number;
  denominator: number;
}

export type AgentStateMs = Record<'ready' | 'notReady' | 'ringing' | 'busy' | 'wrapUp', number>;

export interface Metrics {
  offered: number;
  answered: number;
  abandoned: number;
  shortAbandons: number;
  callbacksRequested: number;
  overflowed: number;
  transferred: number;
  handled: number;
  serviceLevel: ServiceLevel;
  asaMs: number | null;
  averageWaitMs: number | null;
  averageAbandonMs: number | null;
  longestWaitMs: number | null;
  abandonRate: number | null;
  averageHandleMs: number | null;
  averageTalkMs: number | null;
  averageHoldMs: number | null;
  averageWrapUpMs: number | null;
  occupancy: number | null;
  utilisation: number | null;
  agentStateMs: AgentStateMs;
  loggedInMs: number;
}

export interface QueueNow {
  waiting: number;
  beingOffered: number;
  callbacksPending: number;
  longestWaitMs: number | null;
  agents: Record<AgentState, number>;
  today: Metrics;
}

export interface RealtimeSnapshot {
  at: number;
  dayStart: number;
  center: QueueNow;
  queues: Record<string, QueueNow>;
}

/**
 * One interval of a statistics series, as the charts draw it. Read from
 * the API's interval rows and from simulation results alike (see
 * `stats/readIntervalPoint.ts`); a ratio the source did not give is null.
 */
export interface IntervalPoint {
  start: number;
  queueId: string | null;
  agentId: string | null;
  offered: number;
  answered: number;
  abandoned: number;
  handled: number;
  /** A fraction in [0, 1]. */
  serviceLevel: number | null;
  asaMs: number | null;
  averageHandleMs: number | null;
  occupancy: number | null;
  agentStateMs: AgentStateMs | null;
}

export interface IntervalReport {
  points: IntervalPoint[];
  /** The exact roll-up of the range, when the server sends one. */
  total: IntervalPoint | null;
}

export interface IntervalQuery {
  from: number;
  to: number;
  queueId?: string;
  agentId?: string;
}
