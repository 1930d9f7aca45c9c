/**
 * Interval boundaries. Intervals are half-open [start, start + length) and
 * aligned on multiples of their length since the Unix epoch, i.e. on UTC
 * quarter hours, half hours or hours.
 */

export const intervalMinuteChoices = [15, 30, 60] as const;
export type IntervalMinutes = (typeof intervalMinuteChoices)[number];

export function intervalMsOf(minutes: IntervalMinutes): number {
  if (!intervalMinuteChoices.includes(minutes)) {
    throw new RangeError(`interval must be 15, 30 or 60 minutes, not ${String(minutes)}`);
  }
  return minutes * 60_000;
}

/** The start of the interval holding `at`; an instant on a boundary opens it. */
export function intervalStartOf(at: number, intervalMs: number): number {
  return Math.floor(at / intervalMs) * intervalMs;
}

export function isIntervalStart(at: number, intervalMs: number): boolean {
  return intervalStartOf(at, intervalMs) === at;
}

/**
 * Cuts [from, to) at interval boundaries: the time spent in each interval,
 * in order. An empty or reversed span yields nothing.
 */
export function splitAcrossIntervals(
  from: number,
  to: number,
  intervalMs: number,
): { start: number; ms: number }[] {
  const pieces: { start: number; ms: number }[] = [];
  let at = from;
  while (at < to) {
    const start = intervalStartOf(at, intervalMs);
    const end = Math.min(to, start + intervalMs);
    pieces.push({ start, ms: end - at });
    at = end;
  }
  return pieces;
}
