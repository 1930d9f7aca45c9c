/**
 * The live view for wallboards: what is waiting now, who is in which state,
 * and today's running figures, per queue and for the whole center.
 *
 * Today's figures use the same counters and definitions as the historical
 * rows, but a contact's exit (answer, abandon, callback) is counted the
 * moment its event arrives rather than when its record closes. As in the
 * rows, a contact belongs to the day it entered the queue and to its first
 * queue; one still waiting is already offered but not yet in any exit.
 * Agent state time (occupancy, utilisation) is the center's, as in the
 * rows, counted from midnight or the agent's first state event today, with
 * each agent's current state counted up to the snapshot.
 */
import type { AgentState, DomainEvent, EventOf } from '../events.js';
import { agentStates } from '../events.js';
import { creditContact, creditQueueExit, creditWork } from './contactCounters.js';
import { emptyCounters, type IntervalStats } from './intervalStats.js';
import { metricsFrom, type Metrics, type MetricsOptions } from './metricsFrom.js';
import type { QueueExitKind } from './queueExit.js';
import { resolveThresholds, type StatsThresholds } from './statsThresholds.js';

export interface RealtimeStatsOptions {
  thresholds?: Partial<StatsThresholds>;
  /** Which service-level formula today's figures use. */
  metrics?: MetricsOptions;
  /** The start of the day holding `at`; default midnight UTC. */
  dayStartOf?: (at: number) => number;
  /**
   * The queues an agent serves, for per-queue agent counts. Events do not
   * say it (it comes from the configuration); without it agents are
   * counted for the center only.
   */
  queuesOfAgent?: (agentId: string) => Iterable<string>;
}

export interface QueueNow {
  /** In the queue and waiting on the line: not being offered, no callback. */
  waiting: number;
  /** Ringing at an agent, not yet answered. */
  beingOffered: number;
  /** Callback requests still in queue order; their customers are not waiting. */
  callbacksPending: number;
  /** now − since when the longest waiting contact waits; null if none does. */
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

type LiveStatus = 'waiting' | 'offered' | 'callback' | 'connected' | 'gone';

interface LiveContact {
  /** The queue it is in now. */
  queueId: string;
  /** The queue it is credited to. */
  firstQueueId: string;
  queuedAt: number;
  day: number;
  /**
   * Since when it waits on the line: queuedAt, kept through moves, overflows
   * and refused offers; reset when a transfer puts it back in a queue.
   */
  waitingSince: number;
  status: LiveStatus;
  leftLiveQueue: boolean;
  callbackRequested: boolean;
  connectedOnce: boolean;
}

const utcDayStart = (at: number) => Math.floor(at / 86_400_000) * 86_400_000;

export class RealtimeStats {
  readonly thresholds: StatsThresholds;
  readonly #metrics: MetricsOptions;
  readonly #dayStartOf: (at: number) => number;
  readonly #queuesOfAgent: ((agentId: string) => Iterable<string>) | undefined;
  readonly #contacts = new Map<string, LiveContact>();
  /** Each agent's current state and since when. */
  readonly #agents = new Map<string, { state: AgentState; since: number }>();
  #day = Number.NEGATIVE_INFINITY;
  #center: IntervalStats;
  #queues = new Map<string, IntervalStats>();

  constructor(options: RealtimeStatsOptions = {}) {
    this.thresholds = resolveThresholds(options.thresholds);
    this.#metrics = options.metrics ?? {};
    this.#dayStartOf = options.dayStartOf ?? utcDayStart;
    this.#queuesOfAgent = options.queuesOfAgent;
    this.#center = emptyCounters(this.thresholds);
  }

  /** Takes one live domain event, in the order the bus published them. */
  consume(event: DomainEvent): void {
    this.#rollTo(event.at);
    if (event.type === 'agent.state') {
      const open = this.#agents.get(event.agentId);
      if (open) this.#creditStateTime(this.#center, open.state, open.since, event.at);
      this.#agents.set(event.agentId, { state: event.state, since: event.at });
      return;
    }
    if (event.type === 'contact.queued') {
      this.#queued(event);
      return;
    }
    if (event.type === 'contact.closed') {
      this.#closed(event);
      return;
    }

    const contact = this.#contacts.get(event.contactId);
    // Contacts first seen after they were queued are counted when they close.
    if (!contact) return;
    switch (event.type) {
      case 'contact.moved':
        contact.queueId = event.queueId;
        return;
      case 'contact.overflowed':
        contact.queueId = event.to;
        return;
      case 'contact.offered':
        contact.queueId = event.queueId;
        contact.status = 'offered';
        return;
      case 'contact.offer_ended':
        // timeout, declined, withdrawn: back in the queue, in its old place.
        // accepted and cancelled are followed by connected and abandoned.
        if (event.outcome !== 'accepted' && event.outcome !== 'cancelled') {
          contact.status = returnStatus(contact);
        }
        return;
      case 'contact.connected':
        contact.status = 'connected';
        contact.connectedOnce = true;
        this.#exit(contact, 'answered', event.at);
        return;
      case 'contact.transferred':
        contact.status = 'waiting';
        contact.waitingSince = event.at;
        return;
      case 'contact.callback_requested':
        contact.callbackRequested = true;
        if (contact.status === 'waiting') contact.status = 'callback';
        this.#exit(contact, 'callback', event.at);
        return;
      case 'contact.abandoned':
        contact.status = 'gone';
        this.#exit(contact, 'abandoned', event.at);
        return;
      default:
        return;
    }
  }

  /**
   * The view at `now`, for the center and every queue seen today. A `now`
   * in a later day than the last event starts today's figures afresh.
   */
  snapshot(now: number): RealtimeSnapshot {
    this.#rollTo(now);
    const queueIds = new Set(this.#queues.keys());
    for (const contact of this.#contacts.values()) {
      if (contact.status !== 'gone') queueIds.add(contact.queueId);
    }
    const agentsByQueue = this.#agentsByQueue();
    for (const queueId of agentsByQueue.keys()) queueIds.add(queueId);

    const queues: Record<string, QueueNow> = {};
    for (const queueId of [...queueIds].sort()) {
      queues[queueId] = this.#view(
        now,
        this.#queues.get(queueId) ?? emptyCounters(this.thresholds),
        agentsByQueue.get(queueId) ?? noAgents(),
        (c) => c.queueId === queueId,
      );
    }
    const allAgents = noAgents();
    const centerNow = { ...this.#center, agentStateMs: { ...this.#center.agentStateMs } };
    for (const { state, since } of this.#agents.values()) {
      allAgents[state] += 1;
      this.#creditStateTime(centerNow, state, since, now);
    }
    const center = this.#view(now, centerNow, allAgents, () => true);
    return { at: now, dayStart: this.#day, center, queues };
  }

  #queued(event: EventOf<'contact.queued'>): void {
    const known = this.#contacts.get(event.contactId);
    if (known) {
      if (known.status === 'connected') known.waitingSince = event.at;
      known.queueId = event.queueId;
      if (known.status !== 'gone') known.status = returnStatus(known);
      return;
    }

    const contact: LiveContact = {
      queueId: event.queueId,
      firstQueueId: event.queueId,
      queuedAt: event.at,
      day: this.#dayStartOf(event.at),
      waitingSince: event.at,
      status: 'waiting',
      leftLiveQueue: false,
      callbackRequested: false,
      connectedOnce: false,
    };
    this.#contacts.set(event.contactId, contact);
    for (const counters of this.#todayOf(contact.day, contact.firstQueueId)) {
      counters.offered += 1;
    }
  }

  #closed(event: EventOf<'contact.closed'>): void {
    const record = event.record;
    const contact = this.#contacts.get(event.contactId);
    this.#contacts.delete(event.contactId);

    const day = this.#dayStartOf(record.queuedAt);
    for (const counters of this.#todayOf(day, record.firstQueueId)) {
      if (contact) creditWork(counters, record);
      else creditContact(counters, record);
    }
  }

  /** Counts how the contact left the live queue; only its first exit counts. */
  #exit(contact: LiveContact, kind: QueueExitKind, at: number): void {
    if (contact.leftLiveQueue) return;
    contact.leftLiveQueue = true;
    const exit = { kind, at, waitMs: Math.max(0, at - contact.queuedAt) };
    for (const counters of this.#todayOf(contact.day, contact.firstQueueId)) {
      creditQueueExit(counters, exit);
    }
  }

  /** Credits time in a state to today's counters; what fell before today is yesterday's. */
  #creditStateTime(counters: IntervalStats, state: AgentState, from: number, to: number): void {
    if (state === 'loggedOut') return;
    const start = Math.max(from, this.#day);
    if (to > start) counters.agentStateMs[state] += to - start;
  }

  /** The center's and the queue's counters for today; none for another day. */
  #todayOf(day: number, queueId: string): IntervalStats[] {
    if (day !== this.#day) return [];
    let queue = this.#queues.get(queueId);
    if (!queue) {
      queue = emptyCounters(this.thresholds);
      this.#queues.set(queueId, queue);
    }
    return [this.#center, queue];
  }

  #rollTo(at: number): void {
    const day = this.#dayStartOf(at);
    if (day <= this.#day) return;
    this.#day = day;
    this.#center = emptyCounters(this.thresholds);
    this.#queues = new Map();
  }

  #view(
    now: number,
    counters: IntervalStats,
    agents: Record<AgentState, number>,
    inScope: (c: LiveContact) => boolean,
  ): QueueNow {
    let waiting = 0;
    let beingOffered = 0;
    let callbacksPending = 0;
    let longestWaitMs: number | null = null;
    for (const contact of this.#contacts.values()) {
      if (!inScope(contact)) continue;
      if (contact.status === 'offered') beingOffered += 1;
      if (contact.status === 'callback') callbacksPending += 1;
      if (contact.status !== 'waiting') continue;
      waiting += 1;
      const waited = Math.max(0, now - contact.waitingSince);
      longestWaitMs = Math.max(longestWaitMs ?? 0, waited);
    }
    return {
      waiting,
      beingOffered,
      callbacksPending,
      longestWaitMs,
      agents,
      today: metricsFrom(counters, this.#metrics),
    };
  }

  #agentsByQueue(): Map<string, Record<AgentState, number>> {
    const byQueue = new Map<string, Record<AgentState, number>>();
    if (!this.#queuesOfAgent) return byQueue;
    for (const [agentId, { state }] of this.#agents) {
      for (const queueId of this.#queuesOfAgent(agentId)) {
        const counts = byQueue.get(queueId) ?? noAgents();
        counts[state] += 1;
        byQueue.set(queueId, counts);
      }
    }
    return byQueue;
  }
}

/** Where a contact goes back to when an offer fails. */
function returnStatus(contact: LiveContact): LiveStatus {
  return contact.callbackRequested && !contact.connectedOnce ? 'callback' : 'waiting';
}

function noAgents(): Record<AgentState, number> {
  return Object.fromEntries(agentStates.map((s) => [s, 0])) as Record<AgentState, number>;
}
