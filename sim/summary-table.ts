/**
 * The terminal summary of a run: one line per interval of the horizon
 * (the center's figures, computed by the engine's `metricsFrom`), a total,
 * and each queue's totals. The seed heads it, so a printed result can
 * always be reproduced.
 */
import { stats } from '../engine/index.js';
import { queuesOf, rowsOf, totalOf, type SimulationResult } from './simulation-result.js';
import { clockTime, dateTime, formatOffset, percent, seconds, textTable, type Column } from './text-table.js';

export interface SummaryOptions {
  /** What ran, e.g. the scenario's name or the trace's file. */
  title: string;
  /** Minutes east of UTC for the times shown. */
  utcOffsetMinutes: number;
}

const columns: Column[] = [
  { header: 'interval', align: 'left' },
  { header: 'offered' },
  { header: 'answered' },
  { header: 'abandoned' },
  { header: 'callbacks' },
  { header: 'SL' },
  { header: 'ASA s' },
  { header: 'abandon' },
  { header: 'occupancy' },
  { header: 'agents' },
];

export function summaryTable(result: SimulationResult, options: SummaryOptions): string {
  const offset = options.utcOffsetMinutes;
  const intervalMs = result.intervalMinutes * 60_000;
  const cells = (label: string, counters: stats.IntervalStats, spanMs: number) => {
    const m = stats.metricsFrom(counters);
    return [
      label,
      String(m.offered),
      String(m.answered),
      String(m.abandoned),
      String(m.callbacksRequested),
      percent(m.serviceLevel.value),
      seconds(m.asaMs === null ? null : m.asaMs / 1000),
      percent(m.abandonRate),
      percent(m.occupancy),
      // Average agents logged in over the span.
      (m.loggedInMs / spanMs).toFixed(1),
    ];
  };

  const rows = rowsOf(result)
    .filter((r) => r.intervalStart < result.horizonMs)
    .map((r) => cells(clockTime(r.intervalStart, offset), r.counters, intervalMs));
  const horizon = totalOf(result, {}, -Infinity, result.horizonMs);
  rows.push(cells('total', horizon, result.horizonMs - result.startMs));

  const queueRows = queuesOf(result).map((q) =>
    cells(q, totalOf(result, { queueId: q }), result.horizonMs - result.startMs).slice(0, 8),
  );
  const sl = stats.metricsFrom(horizon).serviceLevel.name;
  const lines = [
    `${options.title} | seed ${result.seed} | ${dateTime(result.startMs, offset)} to ` +
      `${clockTime(result.horizonMs, offset)} (${formatOffset(offset)}), ` +
      `drained by ${clockTime(result.finishedMs, offset)}`,
    `SL = ${sl}; ASA = mean wait of answered contacts`,
    '',
    textTable(columns, rows),
    '',
    textTable([{ header: 'queue', align: 'left' }, ...columns.slice(1, 8)], queueRows),
  ];
  if (result.leftAtEnd > 0) {
    const left = `${result.leftAtEnd} contacts were still waiting with nobody to serve them`;
    lines.push('', `${left} and were hung up at the end.`);
  }
  if (result.rejected.length > 0) {
    const refused = `${result.rejected.length} replayed commands were refused by the engine`;
    lines.push('', `${refused} (see the JSON output).`);
  }
  return `${lines.join('\n')}\n`;
}
