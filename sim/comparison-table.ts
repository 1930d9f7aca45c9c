/**
 * The terminal table of a Technion replay: per hour, simulated beside
 * recorded offered, answered, abandoned, ASA and service level, then the
 * day's totals and the gaps the replay is judged by.
 */
import type { HourFigures, TechnionComparison } from './technion-replay.js';
import { percent, seconds, textTable, type Column } from './text-table.js';

const columns: Column[] = [
  { header: 'hour', align: 'left' },
  { header: 'offered sim' },
  { header: 'rec' },
  { header: 'answered sim' },
  { header: 'rec' },
  { header: 'abandoned sim' },
  { header: 'rec' },
  { header: 'ASA sim' },
  { header: 'rec' },
  { header: 'SL20 sim' },
  { header: 'rec' },
];

export function comparisonTable(comparison: TechnionComparison, title: string): string {
  const row = (label: string, sim: HourFigures, rec: HourFigures) => [
    label,
    String(sim.offered),
    String(rec.offered),
    String(sim.answered),
    String(rec.answered),
    String(sim.abandoned),
    String(rec.abandoned),
    seconds(sim.asaSec),
    seconds(rec.asaSec),
    percent(sim.serviceLevel),
    percent(rec.serviceLevel),
  ];
  const rows = comparison.hours.map((h) =>
    row(`${String(h.hour).padStart(2, '0')}:00`, h.simulated, h.recorded),
  );
  const { simulated, recorded } = comparison.total;
  rows.push(row('day', simulated, recorded));

  const gap = dailyGap(comparison);
  return [
    `${title} | ${comparison.day} | seed ${comparison.result.seed}`,
    'SL20 = answered within 20 s / (answered + abandoned); ASA = mean wait of answered calls, s',
    '',
    textTable(columns, rows),
    '',
    `abandonment: simulated ${percent(gap.simulatedAbandonRate)}, recorded ${percent(gap.recordedAbandonRate)}, ` +
      `gap ${signed(gap.abandonPoints, 1)} points`,
    `ASA: simulated ${seconds(simulated.asaSec)} s, recorded ${seconds(recorded.asaSec)} s, ` +
      `gap ${signed(gap.asaPercent, 0)}%`,
    '',
  ].join('\n');
}

/** The day's abandonment gap in points and ASA gap in percent (sim − rec). */
export function dailyGap(comparison: TechnionComparison) {
  const { simulated, recorded } = comparison.total;
  const simulatedAbandonRate = simulated.offered ? simulated.abandoned / simulated.offered : 0;
  const recordedAbandonRate = recorded.offered ? recorded.abandoned / recorded.offered : 0;
  const asaPercent =
    simulated.asaSec !== null && recorded.asaSec
      ? (simulated.asaSec / recorded.asaSec - 1) * 100
      : Number.NaN;
  return {
    simulatedAbandonRate,
    recordedAbandonRate,
    abandonPoints: (simulatedAbandonRate - recordedAbandonRate) * 100,
    asaPercent,
  };
}

function signed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return value >= 0 ? `+${text}` : text;
}
