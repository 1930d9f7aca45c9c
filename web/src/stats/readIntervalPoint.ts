/**
 * Reads interval statistics from whatever shape they come in: the API's
 * rows (`intervalStart`, `counters`, `metrics`), a simulation result's
 * `intervals` (`start` as an ISO string), or flat objects with `offered`,
 * `answered`… Tolerant on purpose: result files are written by several
 * tools and versions, and a chart of what can be read beats an error.
 */
import type { AgentStateMs, IntervalPoint } from '../api/types';

type Loose = Record<string, unknown>;

/** The rows of a report or result, each read; unreadable rows are skipped. */
export function readIntervalPoints(raw: unknown): IntervalPoint[] {
  const list = listIn(raw, ['rows', 'intervals', 'points', 'data']);
  const points: IntervalPoint[] = [];
  for (const item of list) {
    const point = readIntervalPoint(item);
    if (point) points.push(point);
  }
  return points.sort((a, b) => a.start - b.start);
}

export function readIntervalPoint(raw: unknown): IntervalPoint | null {
  if (!isObject(raw)) return null;
  const start = firstTime(raw, ['intervalStart', 'start', 'from', 'time', 't', 'at']);
  if (start === null) return null;
  const m = isObject(raw.metrics) ? raw.metrics : {};
  const c = isObject(raw.counters) ? raw.counters : {};
  const pick = (key: string) => num(m[key]) ?? num(c[key]) ?? num(raw[key]);

  const answered = pick('answered') ?? 0;
  const abandoned = pick('abandoned') ?? 0;
  const handled = pick('handled') ?? answered;
  const states = stateMs(m.agentStateMs) ?? stateMs(c.agentStateMs);
  return {
    start,
    queueId: str(raw.queueId),
    agentId: str(raw.agentId),
    offered: pick('offered') ?? answered + abandoned,
    answered,
    abandoned,
    handled,
    serviceLevel:
      fraction(m.serviceLevel) ??
      fraction(raw.serviceLevel) ??
      ratio(num(c.answeredWithinT), answered + abandoned),
    asaMs:
      num(m.asaMs) ??
      ratio(num(c.answeredWaitSumMs), answered) ??
      seconds(raw.asaSec) ??
      num(raw.asaMs),
    averageHandleMs:
      num(m.averageHandleMs) ?? ratio(num(c.handleSumMs), handled) ?? num(raw.averageHandleMs),
    occupancy: num(m.occupancy) ?? occupancyOf(states) ?? num(raw.occupancy),
    agentStateMs: states,
  };
}

/** The points of one scope; the center's (no queue, no agent) by default. */
export function pointsOfScope(
  points: IntervalPoint[],
  queueId: string | null = null,
  agentId: string | null = null,
) {
  return points.filter((p) => p.queueId === queueId && p.agentId === agentId);
}

/** The queue ids that have rows of their own, sorted. */
export function queueIdsIn(points: IntervalPoint[]): string[] {
  const ids = new Set<string>();
  for (const p of points) if (p.queueId !== null && p.agentId === null) ids.add(p.queueId);
  return [...ids].sort();
}

function listIn(raw: unknown, keys: string[]): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (!isObject(raw)) return [];
  for (const key of keys) {
    const value = raw[key];
    if (Array.isArray(value)) return value;
  }
  return [];
}

function isObject(x: unknown): x is Loose {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function num(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function str(x: unknown): string | null {
  return typeof x === 'string' ? x : null;
}

function seconds(x: unknown): number | null {
  const s = num(x);
  return s === null ? null : s * 1000;
}

function ratio(numerator: number | null, denominator: number): number | null {
  return numerator === null || denominator <= 0 ? null : numerator / denominator;
}

/** A service level as a fraction: a number (a percentage when above 1) or `{ value }`. */
function fraction(x: unknown): number | null {
  const value = isObject(x) ? num(x.value) : num(x);
  if (value === null) return null;
  return value > 1 ? value / 100 : value;
}

function firstTime(raw: Loose, keys: string[]): number | null {
  for (const key of keys) {
    const value = raw[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string') {
      const parsed = Date.parse(value);
      if (Number.isFinite(parsed)) return parsed;
    }
  }
  return null;
}

function stateMs(x: unknown): AgentStateMs | null {
  if (!isObject(x)) return null;
  const get = (k: string) => num(x[k]) ?? 0;
  return {
    ready: get('ready'),
    notReady: get('notReady'),
    ringing: get('ringing'),
    busy: get('busy'),
    wrapUp: get('wrapUp'),
  };
}

function occupancyOf(s: AgentStateMs | null): number | null {
  if (!s) return null;
  const handling = s.busy + s.wrapUp;
  return ratio(handling, handling + s.ready + s.ringing);
}
