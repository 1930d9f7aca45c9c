/**
 * The terminal table of a staffing plan: per interval and group, the
 * Erlang count, the simulated count that meets the target, its service
 * level with the confidence interval over replications, and the count the
 * scenario's shifts have now.
 */
import type { StaffingPlan } from './plan.js';
import { clockTime, formatOffset, percent, textTable, type Column } from './text-table.js';

const columns: Column[] = [
  { header: 'interval', align: 'left' },
  { header: 'group', align: 'left' },
  { header: 'calls' },
  { header: 'AHT s' },
  { header: 'Erlang' },
  { header: 'agents' },
  { header: 'SL' },
  { header: 'CI', align: 'left' },
  { header: 'shift' },
  { header: 'tried', align: 'left' },
];

export function planTable(plan: StaffingPlan, title: string, utcOffsetMinutes: number): string {
  const rows = plan.intervals.map((p) => [
    clockTime(p.startMs, utcOffsetMinutes),
    p.groupId,
    p.arrivals.toFixed(1),
    p.ahtSec.toFixed(0),
    String(p.erlangAgents),
    String(p.agents),
    percent(p.serviceLevel?.mean),
    // A t-interval around a proportion can reach past 0 or 1; shown clipped.
    p.serviceLevel ? `${percent(clip(p.serviceLevel.low))} to ${percent(clip(p.serviceLevel.high))}` : '-',
    String(p.scheduled),
    p.tries.map((t) => `${t.agents}:${percent(t.serviceLevel.mean)}`).join(' '),
  ]);
  const level = plan.intervals.find((p) => p.serviceLevel)?.serviceLevel?.level ?? 0.95;
  const target = `${Math.round(plan.targetServiceLevel * 100)}/${plan.thresholdSec}`;
  return [
    `${title} | target ${target} | seed ${plan.seed} | ` +
      `${plan.replications} replications per count | times ${formatOffset(utcOffsetMinutes)}`,
    'agents = fewest whose mean simulated SL meets the target; ' +
      `CI = ${Math.round(level * 100)}% t-interval over replications; shift = scheduled now`,
    '',
    textTable(columns, rows),
    '',
  ].join('\n');
}

function clip(value: number): number {
  return Math.min(1, Math.max(0, value));
}
