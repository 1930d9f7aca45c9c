/**
 * The two thresholds the counters are cut at: the service-level target T and
 * the short-abandon limit. They are fixed when counters are collected, so
 * they travel with the counters and two sets cut differently never add up.
 */
import { z } from 'zod';

export const StatsThresholds = z.object({
  /** T: a contact answered or abandoned with wait <= T is "within T". */
  serviceLevelMs: z.number().int().min(0),
  /** An abandon with wait <= this is a short abandon. */
  shortAbandonMs: z.number().int().min(0),
});
export type StatsThresholds = z.infer<typeof StatsThresholds>;

/** T = 20 s and short abandons up to 5 s, the industry's usual cut. */
export const defaultThresholds: StatsThresholds = {
  serviceLevelMs: 20_000,
  shortAbandonMs: 5_000,
};

/**
 * Fills in defaults and checks the pair. A short abandon must also be an
 * abandon within T: the "without short abandons" formulas subtract short
 * abandons from the within-T counts, which is only exact if they are a
 * subset of them.
 */
export function resolveThresholds(
  given: Partial<StatsThresholds> = {},
): StatsThresholds {
  const thresholds = StatsThresholds.parse({
    serviceLevelMs: given.serviceLevelMs ?? defaultThresholds.serviceLevelMs,
    shortAbandonMs: given.shortAbandonMs ?? defaultThresholds.shortAbandonMs,
  });
  if (thresholds.shortAbandonMs > thresholds.serviceLevelMs) {
    throw new RangeError(
      `shortAbandonMs (${thresholds.shortAbandonMs}) must not exceed ` +
        `serviceLevelMs (${thresholds.serviceLevelMs})`,
    );
  }
  return thresholds;
}

export function sameThresholds(a: StatsThresholds, b: StatsThresholds): boolean {
  return (
    a.serviceLevelMs === b.serviceLevelMs &&
    a.shortAbandonMs === b.shortAbandonMs
  );
}
