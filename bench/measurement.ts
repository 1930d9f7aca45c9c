/**
 * One number a benchmark produced, with the baseline it was measured next
 * to (in the same process, in the same run) and the target it is held
 * against. Parts report these; the table and the results file show them.
 */
export type PartName = 'simulation' | 'routing' | 'live' | 'memory';

export interface Quantity {
  label: string;
  value: number;
  unit: string;
}

export interface Target {
  /** The goal as the issue states it, e.g. "≥ 0.5 × floor". */
  text: string;
  /** Null when this run cannot tell (e.g. quick mode stops short of it). */
  met: boolean | null;
}

export interface Measurement extends Quantity {
  part: PartName;
  /** Stable key for comparing runs, e.g. `routing.agents.100000`. */
  id: string;
  baseline: Quantity | null;
  /** value / baseline.value, or null without a baseline. */
  ratio: number | null;
  target: Target | null;
  /** Raw figures behind the value (counts, durations, percentiles). */
  details: Record<string, number | string>;
}

/** Something a reader must know: a size skipped for its budget, a caveat. */
export interface Note {
  part: PartName;
  text: string;
}

/** Builds a measurement, working out the ratio to its baseline. */
export function measurement(
  part: PartName,
  id: string,
  quantity: Quantity,
  extra: {
    baseline?: Quantity | null;
    target?: Target | null;
    details?: Record<string, number | string>;
  } = {},
): Measurement {
  const baseline = extra.baseline ?? null;
  return {
    part,
    id,
    ...quantity,
    baseline,
    ratio: baseline && baseline.value !== 0 ? quantity.value / baseline.value : null,
    target: extra.target ?? null,
    details: extra.details ?? {},
  };
}
