/** Date ranges for the history page, in the browser's local days. */

export interface Range {
  from: number;
  to: number;
}

export function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function today(now: number): Range {
  return { from: startOfDay(now), to: now };
}

export function lastDays(now: number, days: number): Range {
  return { from: startOfDay(now) - (days - 1) * 86_400_000, to: now };
}

/** `yyyy-mm-dd` of a local day, for <input type="date">. */
export function dateInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local midnight an <input type="date"> value names, or null. */
export function fromDateInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}
