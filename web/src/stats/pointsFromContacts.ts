/**
 * Interval points computed from contact records, for a simulation result
 * that carries contacts but no interval rows. Uses the engine's rules in
 * small: a contact belongs to the interval it was queued in, its wait ends
 * when it is answered or abandoned, and service level is answered within
 * the threshold over answered plus abandoned.
 */
import type { IntervalPoint } from '../api/types';

export interface ContactTimesLike {
  queuedAt?: unknown;
  createdAt?: unknown;
  answeredAt?: unknown;
  abandonedAt?: unknown;
}

export function pointsFromContacts(
  contacts: readonly unknown[],
  intervalMs = 15 * 60_000,
  serviceLevelMs = 20_000,
): IntervalPoint[] {
  const byStart = new Map<number, IntervalPoint & { within: number; waitSum: number }>();
  for (const raw of contacts) {
    if (typeof raw !== 'object' || raw === null) continue;
    const c = raw as ContactTimesLike;
    const queuedAt = time(c.queuedAt) ?? time(c.createdAt);
    if (queuedAt === null) continue;
    const start = Math.floor(queuedAt / intervalMs) * intervalMs;
    const point = byStart.get(start) ?? blank(start);
    byStart.set(start, point);

    point.offered += 1;
    const answeredAt = time(c.answeredAt);
    const abandonedAt = time(c.abandonedAt);
    if (answeredAt !== null) {
      point.answered += 1;
      point.handled += 1;
      point.waitSum += answeredAt - queuedAt;
      if (answeredAt - queuedAt <= serviceLevelMs) point.within += 1;
    } else if (abandonedAt !== null) {
      point.abandoned += 1;
    }
  }
  return [...byStart.values()]
    .sort((a, b) => a.start - b.start)
    .map(({ within, waitSum, ...p }) => ({
      ...p,
      serviceLevel: p.answered + p.abandoned > 0 ? within / (p.answered + p.abandoned) : null,
      asaMs: p.answered > 0 ? waitSum / p.answered : null,
    }));
}

function blank(start: number) {
  return {
    start,
    queueId: null,
    agentId: null,
    offered: 0,
    answered: 0,
    abandoned: 0,
    handled: 0,
    serviceLevel: null,
    asaMs: null,
    averageHandleMs: null,
    occupancy: null,
    agentStateMs: null,
    within: 0,
    waitSum: 0,
  };
}

function time(x: unknown): number | null {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  if (typeof x === 'string') {
    const t = Date.parse(x);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}
