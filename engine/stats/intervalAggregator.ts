/**
 * Historical statistics: consumes domain events and keeps one row of
 * counters per interval for each queue, each agent and the whole center.
 *
 * A contact is credited, whole, to the interval in which it entered the
 * queue (`queuedAt`) and to its `firstQueueId`, even if it was answered,
 * overflowed or wrapped up in a later interval. Agent state time is instead
 * split across intervals by the time actually spent in each.
 */
import type { AgentState, DomainEvent } from '../events.js';
import type { ContactRecord } from '../records.js';
import { contactCounters } from './contactCounters.js';
import { IntervalRow, rowKey, type RowScope } from './intervalRow.js';
import { accumulate, emptyCounters, type IntervalStats } from './intervalStats.js';
import {
  intervalMsOf,
  intervalStartOf,
  isIntervalStart,
  splitAcrossIntervals,
  type IntervalMinutes,
} from './intervals.js';
import { resolveThresholds, sameThresholds, type StatsThresholds } from './statsThresholds.js';

export interface IntervalAggregatorOptions {
  /** Default 15. */
  intervalMinutes?: IntervalMinutes;
  thresholds?: Partial<StatsThresholds>;
  /**
   * Rows persisted earlier, to continue from; validated on load. Agents'
   * open states are not in the rows: after a reload each agent's time
   * counts again from its next state event.
   */
  rows?: readonly unknown[];
}

/** A range of whole intervals, [from, to), for the center, a queue or an agent. */
export interface ReportQuery extends RowScope {
  from: number;
  to: number;
}

export class IntervalAggregator {
  readonly intervalMs: number;
  readonly thresholds: StatsThresholds;
  readonly #rows = new Map<string, IntervalRow>();
  readonly #changed = new Set<string>();
  /** Each agent's current state and since when; it is credited when it ends. */
  readonly #agents = new Map<string, { state: AgentState; since: number }>();

  constructor(options: IntervalAggregatorOptions = {}) {
    this.intervalMs = intervalMsOf(options.intervalMinutes ?? 15);
    this.thresholds = resolveThresholds(options.thresholds);
    for (const row of options.rows ?? []) this.#load(row);
  }

  /**
   * Takes one domain event. Only `contact.closed` (whose record has every
   * timestamp) and `agent.state` matter; the rest are ignored. Each event
   * must be consumed once: a replayed `contact.closed` counts twice.
   */
  consume(event: DomainEvent): void {
    switch (event.type) {
      case 'contact.closed':
        this.#addContact(event.record);
        return;
      case 'agent.state':
        this.#changeAgentState(event.agentId, event.state, event.at);
        return;
      default:
        return;
    }
  }

  /**
   * Credits every agent's current, still open, state up to `now`, so that a
   * report up to now (or the end of a simulation) includes it. Time after
   * `now` is credited by the agent's next state event as usual.
   */
  settle(now: number): void {
    for (const [agentId, open] of this.#agents) {
      if (now <= open.since) continue;
      this.#creditStateTime(agentId, open.state, open.since, now);
      open.since = now;
    }
  }

  /** Every row, ordered by interval, then center, queues, agents. */
  rows(): IntervalRow[] {
    return sortRows([...this.#rows.values()].map(copyRow));
  }

  /** The rows changed since the last call, for a store to upsert. */
  takeChangedRows(): IntervalRow[] {
    const changed = [...this.#changed].flatMap((key) => {
      const row = this.#rows.get(key);
      return row ? [copyRow(row)] : [];
    });
    this.#changed.clear();
    return sortRows(changed);
  }

  /** The rows of one scope whose interval starts in [from, to). */
  reportRows(query: ReportQuery): IntervalRow[] {
    this.#checkQuery(query);
    const queueId = query.queueId ?? null;
    const agentId = query.agentId ?? null;

    // Walk whichever is shorter: the intervals in range or the rows kept.
    const intervals = (query.to - query.from) / this.intervalMs;
    const rows =
      intervals <= this.#rows.size
        ? rangeStarts(query, this.intervalMs).flatMap((start) => {
            const row = this.#rows.get(keyOf(start, queueId, agentId));
            return row ? [row] : [];
          })
        : [...this.#rows.values()].filter(
            (r) =>
              r.queueId === queueId &&
              r.agentId === agentId &&
              r.intervalStart >= query.from &&
              r.intervalStart < query.to,
          );
    return sortRows(rows.map(copyRow));
  }

  /** The exact roll-up of a range: the sum of its rows' counters. */
  report(query: ReportQuery): IntervalStats {
    const total = emptyCounters(this.thresholds);
    for (const row of this.reportRows(query)) accumulate(total, row.counters);
    return total;
  }

  #addContact(record: ContactRecord): void {
    const start = intervalStartOf(record.queuedAt, this.intervalMs);
    const counters = contactCounters(record, this.thresholds);

    accumulate(this.#row(start, null, null).counters, counters);
    accumulate(this.#row(start, record.firstQueueId, null).counters, counters);
    if (record.agentId !== null) {
      accumulate(this.#row(start, null, record.agentId).counters, counters);
    }
  }

  #changeAgentState(agentId: string, state: AgentState, at: number): void {
    const open = this.#agents.get(agentId);
    // The first event seen for an agent only starts its clock: how long it
    // was in the previous state is unknown.
    if (open) this.#creditStateTime(agentId, open.state, open.since, at);
    this.#agents.set(agentId, { state, since: at });
  }

  #creditStateTime(agentId: string, state: AgentState, from: number, to: number): void {
    if (state === 'loggedOut') return;
    for (const piece of splitAcrossIntervals(from, to, this.intervalMs)) {
      this.#row(piece.start, null, null).counters.agentStateMs[state] += piece.ms;
      this.#row(piece.start, null, agentId).counters.agentStateMs[state] += piece.ms;
    }
  }

  #row(intervalStart: number, queueId: string | null, agentId: string | null): IntervalRow {
    const key = keyOf(intervalStart, queueId, agentId);
    this.#changed.add(key);
    const found = this.#rows.get(key);
    if (found) return found;

    const row = { intervalStart, queueId, agentId, counters: emptyCounters(this.thresholds) };
    this.#rows.set(key, row);
    return row;
  }

  #load(input: unknown): void {
    const row = IntervalRow.parse(input);
    const key = keyOf(row.intervalStart, row.queueId, row.agentId);
    if (!isIntervalStart(row.intervalStart, this.intervalMs)) {
      throw new RangeError(
        `row ${rowKey(row.intervalStart, row.queueId, row.agentId)} does not start on a ${this.intervalMs / 60_000}-minute boundary`,
      );
    }
    if (!sameThresholds(row.counters.thresholds, this.thresholds)) {
      throw new RangeError(`row ${key} was cut at other thresholds than this aggregator's`);
    }
    if (this.#rows.has(key)) throw new RangeError(`row ${key} is loaded twice`);
    this.#rows.set(key, row);
  }

  #checkQuery(query: ReportQuery): void {
    if (query.queueId !== undefined && query.agentId !== undefined) {
      throw new RangeError(
        `no rows are kept per queue and agent together ` +
          `(queue ${query.queueId}, agent ${query.agentId}); ask for one of them`,
      );
    }
    if (query.from > query.to) {
      throw new RangeError(
        `report starts after it ends: ${describeTime(query.from)} > ${describeTime(query.to)}`,
      );
    }
    for (const at of [query.from, query.to]) {
      if (!isIntervalStart(at, this.intervalMs)) {
        throw new RangeError(
          `report bounds must fall on ${this.intervalMs / 60_000}-minute ` +
            `boundaries; ${describeTime(at)} does not`,
        );
      }
    }
  }
}

function rangeStarts(query: ReportQuery, intervalMs: number): number[] {
  const starts: number[] = [];
  for (let at = query.from; at < query.to; at += intervalMs) starts.push(at);
  return starts;
}

function describeTime(at: number): string {
  return Number.isFinite(at) ? new Date(at).toISOString() : String(at);
}

function copyRow(row: IntervalRow): IntervalRow {
  return structuredClone(row);
}

function sortRows(rows: IntervalRow[]): IntervalRow[] {
  const scope = (r: IntervalRow) => (r.queueId === null ? (r.agentId === null ? 0 : 2) : 1);
  const id = (r: IntervalRow) => r.queueId ?? r.agentId ?? '';
  // Plain code-unit order rather than localeCompare: the same rows give the
  // same file on every machine.
  return rows.sort(
    (a, b) =>
      a.intervalStart - b.intervalStart ||
      scope(a) - scope(b) ||
      (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0),
  );
}

/**
 * A row's key in memory: a plain concatenation, per event far cheaper than
 * the JSON of the persisted `rowKey`. Ids never hold a NUL, so no two rows
 * share a key; \u0001 stands for "none".
 */
function keyOf(intervalStart: number, queueId: string | null, agentId: string | null): string {
  return `${intervalStart}\0${queueId ?? '\u0001'}\0${agentId ?? '\u0001'}`;
}
