/**
 * What a simulation run gives: every closed contact record and the
 * engine's interval rows, plus what is needed to read them (seed, times,
 * thresholds). `resultToJson` writes it for charts, with the engine's
 * metrics beside each row, in a byte-stable form.
 */
import { stats, type ContactRecord } from '../engine/index.js';
import type { RejectedCommand } from './simulation.js';

export interface SimulationResult {
  seed: number;
  startMs: number;
  /** End of the simulated horizon: no arrivals after it. */
  horizonMs: number;
  /** When the last contact closed (the center drains after the horizon). */
  finishedMs: number;
  intervalMinutes: stats.IntervalMinutes;
  thresholds: stats.StatsThresholds;
  arrivals: number;
  /** Contacts still waiting when no event was left, hung up at the end. */
  leftAtEnd: number;
  /** In the order they closed. */
  contacts: ContactRecord[];
  /** Center, queue and agent rows of every interval (engine/stats). */
  rows: stats.IntervalRow[];
  rejected: RejectedCommand[];
}

/** The rows of one scope (the center's by default) by interval start. */
export function rowsOf(
  result: Pick<SimulationResult, 'rows'>,
  scope: { queueId?: string; agentId?: string } = {},
): stats.IntervalRow[] {
  const queueId = scope.queueId ?? null;
  const agentId = scope.agentId ?? null;
  return result.rows.filter((r) => r.queueId === queueId && r.agentId === agentId);
}

/** The counters of one scope over the whole run (exact sums of rows). */
export function totalOf(
  result: Pick<SimulationResult, 'rows' | 'thresholds'>,
  scope: { queueId?: string; agentId?: string } = {},
  from = -Infinity,
  to = Infinity,
): stats.IntervalStats {
  let total = stats.emptyCounters(result.thresholds);
  for (const row of rowsOf(result, scope)) {
    if (row.intervalStart >= from && row.intervalStart < to) {
      total = stats.addCounters(total, row.counters);
    }
  }
  return total;
}

/** Queue ids that have rows, in the rows' (code-unit) order. */
export function queuesOf(result: Pick<SimulationResult, 'rows'>): string[] {
  const ids = new Set<string>();
  for (const row of result.rows) if (row.queueId !== null) ids.add(row.queueId);
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The result as JSON for web pages: run facts, interval rows with their
 * metrics, then the contact records. Key order is fixed by construction
 * and nothing depends on the wall clock, so the same run gives the same
 * bytes.
 */
export function resultToJson(
  result: SimulationResult,
  extra: Record<string, unknown> = {},
): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  const document = {
    ...extra,
    seed: result.seed,
    start: iso(result.startMs),
    horizon: iso(result.horizonMs),
    finished: iso(result.finishedMs),
    intervalMinutes: result.intervalMinutes,
    thresholds: result.thresholds,
    arrivals: result.arrivals,
    leftAtEnd: result.leftAtEnd,
    rejected: result.rejected,
    intervals: result.rows.map((row) => ({
      start: iso(row.intervalStart),
      queueId: row.queueId,
      agentId: row.agentId,
      counters: row.counters,
      metrics: stats.metricsFrom(row.counters),
    })),
    contacts: result.contacts,
  };
  return `${JSON.stringify(document)}\n`;
}
