/**
 * Service level at threshold T, by one of the four formulas centers use.
 * The value always travels with the name of the formula that made it,
 * because 86 % and 81 % can describe the same day.
 */
import type { IntervalStats } from './intervalStats.js';

/**
 * With A = answered, Aw = answered within T, B = abandoned, Bw = abandoned
 * within T, Ba = abandoned after T ("within" means wait <= T):
 *
 * - `answeredOnly`:      Aw / A
 * - `allAbandons`:       Aw / (A + B)
 * - `lateAbandonsOnly`:  Aw / (A + Ba)
 * - `earlyAbandonsMet`:  (Aw + Bw) / (A + B)
 *
 * Callbacks are in none of them: they neither met nor missed the target.
 */
export const serviceLevelFormulas = [
  'answeredOnly',
  'allAbandons',
  'lateAbandonsOnly',
  'earlyAbandonsMet',
] as const;
export type ServiceLevelFormula = (typeof serviceLevelFormulas)[number];

export interface ServiceLevelOptions {
  /** Default `allAbandons`: every abandon counts against the target. */
  formula?: ServiceLevelFormula;
  /**
   * Remove short abandons (see `StatsThresholds`) from numerator and
   * denominator counts alike. Changes nothing for `answeredOnly`.
   */
  withoutShortAbandons?: boolean;
}

export interface ServiceLevel {
  /** A fraction in [0, 1]; null when the denominator is zero. */
  value: number | null;
  formula: ServiceLevelFormula;
  withoutShortAbandons: boolean;
  thresholdMs: number;
  /** e.g. "answered within 20 s / (answered + abandoned)". */
  name: string;
  numerator: number;
  denominator: number;
}

export function serviceLevel(
  counters: IntervalStats,
  options: ServiceLevelOptions = {},
): ServiceLevel {
  const formula = options.formula ?? 'allAbandons';
  const withoutShort = options.withoutShortAbandons ?? false;
  const c = counters;
  // Short abandons are a subset of abandons within T (resolveThresholds
  // guarantees short <= T), so they are never among the late abandons.
  const short = withoutShort ? c.abandonedWithinShort : 0;

  const [numerator, denominator] = ((): [number, number] => {
    switch (formula) {
      case 'answeredOnly':
        return [c.answeredWithinT, c.answered];
      case 'allAbandons':
        return [c.answeredWithinT, c.answered + c.abandoned - short];
      case 'lateAbandonsOnly':
        return [c.answeredWithinT, c.answered + c.abandonedAfterT];
      case 'earlyAbandonsMet':
        return [
          c.answeredWithinT + c.abandonedWithinT - short,
          c.answered + c.abandoned - short,
        ];
    }
  })();

  return {
    value: denominator > 0 ? numerator / denominator : null,
    formula,
    withoutShortAbandons: withoutShort,
    thresholdMs: c.thresholds.serviceLevelMs,
    name: serviceLevelName(formula, withoutShort, c.thresholds),
    numerator,
    denominator,
  };
}

export function serviceLevelName(
  formula: ServiceLevelFormula,
  withoutShortAbandons: boolean,
  thresholds: IntervalStats['thresholds'],
): string {
  const t = seconds(thresholds.serviceLevelMs);
  const base = {
    answeredOnly: `answered within ${t} / answered`,
    allAbandons: `answered within ${t} / (answered + abandoned)`,
    lateAbandonsOnly: `answered within ${t} / (answered + abandoned after ${t})`,
    earlyAbandonsMet:
      `(answered within ${t} + abandoned within ${t}) / (answered + abandoned)`,
  }[formula];
  return withoutShortAbandons
    ? `${base}, without short abandons (within ${seconds(thresholds.shortAbandonMs)})`
    : base;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}
