/**
 * The interval-report export: one CSV row per interval row, with its raw
 * counts and the metrics derived from them. Durations stay in milliseconds
 * and ratios stay fractions, unrounded, so nothing is lost on the way to a
 * spreadsheet; an undefined metric is an empty cell.
 */
import { isoTime, toCsv, type CsvOptions, type CsvValue } from './csv.js';
import type { IntervalRow } from './intervalRow.js';
import { intervalMsOf, type IntervalMinutes } from './intervals.js';
import { metricsFrom, type Metrics, type MetricsOptions } from './metricsFrom.js';

export interface IntervalCsvOptions extends CsvOptions {
  /** The length the rows were aggregated at; default 15. */
  intervalMinutes?: IntervalMinutes;
  metrics?: MetricsOptions;
}

type Cell = (row: IntervalRow, m: Metrics, intervalMs: number) => CsvValue;

const columns: readonly [string, Cell][] = [
  ['intervalStart', (r) => isoTime(r.intervalStart)],
  ['intervalEnd', (r, _, ms) => isoTime(r.intervalStart + ms)],
  ['queueId', (r) => r.queueId],
  ['agentId', (r) => r.agentId],
  ['offered', (_, m) => m.offered],
  ['answered', (_, m) => m.answered],
  ['answeredWithinT', (r) => r.counters.answeredWithinT],
  ['abandoned', (_, m) => m.abandoned],
  ['abandonedWithinT', (r) => r.counters.abandonedWithinT],
  ['shortAbandons', (_, m) => m.shortAbandons],
  ['callbacksRequested', (_, m) => m.callbacksRequested],
  ['overflowed', (_, m) => m.overflowed],
  ['transferred', (_, m) => m.transferred],
  ['handled', (_, m) => m.handled],
  ['serviceLevel', (_, m) => m.serviceLevel.value],
  ['serviceLevelDefinition', (_, m) => m.serviceLevel.name],
  ['asaMs', (_, m) => m.asaMs],
  ['averageWaitMs', (_, m) => m.averageWaitMs],
  ['averageAbandonMs', (_, m) => m.averageAbandonMs],
  ['longestWaitMs', (_, m) => m.longestWaitMs],
  ['abandonRate', (_, m) => m.abandonRate],
  ['averageHandleMs', (_, m) => m.averageHandleMs],
  ['averageTalkMs', (_, m) => m.averageTalkMs],
  ['averageHoldMs', (_, m) => m.averageHoldMs],
  ['averageWrapUpMs', (_, m) => m.averageWrapUpMs],
  ['occupancy', (_, m) => m.occupancy],
  ['utilisation', (_, m) => m.utilisation],
  ['readyMs', (_, m) => m.agentStateMs.ready],
  ['notReadyMs', (_, m) => m.agentStateMs.notReady],
  ['ringingMs', (_, m) => m.agentStateMs.ringing],
  ['busyMs', (_, m) => m.agentStateMs.busy],
  ['wrapUpStateMs', (_, m) => m.agentStateMs.wrapUp],
  ['loggedInMs', (_, m) => m.loggedInMs],
];

export const intervalCsvColumns: readonly string[] = columns.map(([name]) => name);

export function intervalRowsToCsv(
  rows: Iterable<IntervalRow>,
  options: IntervalCsvOptions = {},
): string {
  const intervalMs = intervalMsOf(options.intervalMinutes ?? 15);
  const lines = [...rows].map((row) => {
    const metrics = metricsFrom(row.counters, options.metrics);
    return columns.map(([, cell]) => cell(row, metrics, intervalMs));
  });
  return toCsv(intervalCsvColumns, lines, options);
}
