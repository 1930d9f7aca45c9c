/**
 * What the dashboard renders from: an immutable picture of the center as
 * of the last flush of the `CenterStore`.
 */
import { agentStates, type AgentState, type AgentView } from '../api/types';
import type { LiveContact } from './LiveContact';

export interface AgentRow {
  readonly agentId: string;
  readonly name: string;
  readonly capacity: number;
  readonly queues: readonly string[];
  readonly skills: Readonly<Record<string, number>>;
  readonly state: AgentState;
  readonly stateSince: number;
  readonly reason: string | null;
  readonly handled: number;
  readonly missedOffers: number;
}

/** One agent and the contacts it holds: personal queue, ringing, active, on hold, wrap-up. */
export interface AgentCardModel {
  readonly agent: AgentRow;
  readonly workload: readonly LiveContact[];
}

/** A shared queue's waiting contacts in serving order. */
export interface QueueModel {
  readonly queueId: string;
  readonly name: string | null;
  readonly contacts: readonly LiveContact[];
}

export interface CenterSnapshot {
  /** Rises at each flush. */
  readonly version: number;
  /** False until the first HTTP load. */
  readonly loaded: boolean;
  /** The newest event applied. */
  readonly seq: number;
  /** Every known agent, by name. */
  readonly agents: readonly AgentCardModel[];
  readonly agentById: ReadonlyMap<string, AgentCardModel>;
  readonly queues: readonly QueueModel[];
  readonly agentsByState: Readonly<Record<AgentState, number>>;
  /** Contacts waiting in shared queues. */
  readonly waiting: number;
}

/** An agent row from the HTTP read. */
export function rowOf(a: AgentView): AgentRow {
  return {
    agentId: a.agentId,
    name: a.name,
    capacity: a.capacity,
    queues: a.queues,
    skills: a.skills,
    state: a.state,
    stateSince: a.stateSince,
    reason: a.reason,
    handled: a.handled,
    missedOffers: a.missedOffers,
  };
}

/** An agent first seen in an event: named by id until the next read. */
export function newRow(agentId: string): AgentRow {
  return {
    agentId,
    name: agentId,
    capacity: 1,
    queues: [],
    skills: {},
    state: 'loggedOut',
    stateSince: 0,
    reason: null,
    handled: 0,
    missedOffers: 0,
  };
}

export function countStates(rows: Iterable<AgentRow>): Record<AgentState, number> {
  const counts = Object.fromEntries(agentStates.map((s) => [s, 0])) as Record<AgentState, number>;
  for (const row of rows) counts[row.state] += 1;
  return counts;
}

export function emptySnapshot(): CenterSnapshot {
  return {
    version: 0,
    loaded: false,
    seq: 0,
    agents: [],
    agentById: new Map(),
    queues: [],
    agentsByState: countStates([]),
    waiting: 0,
  };
}
