/**
 * The one table a run prints: a header naming the mode, machine and seed,
 * a row per measurement with its same-run baseline, ratio and target, and
 * the notes (sizes skipped, partial parts) below.
 */
import type { Measurement, Quantity } from './measurement.js';
import type { BenchResult } from './run-bench.js';

const columns = ['part', 'measurement', 'value', 'baseline (same run)', 'ratio', 'target', 'met'];

export function resultsTable(result: BenchResult): string {
  const { environment: env } = result;
  const header =
    `Switchboard benchmarks: ${result.mode} mode, ${result.startedAt}, node ${env.node}, ` +
    `${env.platform}, ${env.cpus} cores, seed ${result.seed}, ${result.wallSec} s, ` +
    `load average ${env.loadStart} → ${env.loadEnd}`;
  const rows = result.measurements.map(row);
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 2 || i === 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();

  const lines = [
    header,
    '',
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
  if (result.notes.length > 0) {
    lines.push('', ...result.notes.map((n) => `note (${n.part}): ${n.text}`));
  }
  return lines.join('\n');
}

function row(m: Measurement): string[] {
  return [
    m.part,
    m.label,
    quantity(m),
    m.baseline ? `${m.baseline.label}: ${quantity(m.baseline)}` : '',
    m.ratio === null ? '' : ratio(m.ratio),
    m.target?.text ?? '',
    m.target ? (m.target.met === null ? 'n/a' : m.target.met ? 'met' : 'MISSED') : '',
  ];
}

/** A value in its unit, with as many digits as the unit deserves. */
export function quantity(q: Pick<Quantity, 'value' | 'unit'>): string {
  const digits = q.unit === 'ms' ? 2 : q.unit === 'µs/decision' || q.unit === 's' ? 1 : 0;
  const text = q.value.toLocaleString('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${text} ${q.unit}`;
}

function ratio(r: number): string {
  return `${r.toFixed(r < 0.1 ? 3 : 2)}×`;
}
