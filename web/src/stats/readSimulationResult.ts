/**
 * Reads a simulation result file (`{ seed, intervals, contacts }` as the
 * simulator writes it) into chart points. Interval rows are preferred;
 * without them the points are computed from the contact records.
 */
import type { IntervalPoint } from '../api/types';
import { pointsFromContacts } from './pointsFromContacts';
import { readIntervalPoints } from './readIntervalPoint';

export interface SimulationSummary {
  seed: number | string | null;
  /** Every point read, of every scope (center, queues, agents). */
  points: IntervalPoint[];
  /** Where the points came from, shown to the reader. */
  source: 'intervals' | 'contacts' | 'none';
  contactCount: number;
  intervalMinutes: number | null;
}

export function readSimulationResult(raw: unknown): SimulationSummary {
  const doc = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const seed = typeof doc.seed === 'number' || typeof doc.seed === 'string' ? doc.seed : null;
  const contacts = Array.isArray(doc.contacts) ? doc.contacts : [];
  const minutes = typeof doc.intervalMinutes === 'number' ? doc.intervalMinutes : null;

  const points = readIntervalPoints(Array.isArray(raw) ? raw : (doc.intervals ?? doc.rows ?? []));
  if (points.length > 0) {
    return {
      seed,
      points,
      source: 'intervals',
      contactCount: contacts.length,
      intervalMinutes: minutes,
    };
  }

  const thresholds = doc.thresholds as { serviceLevelMs?: unknown } | undefined;
  const slMs = typeof thresholds?.serviceLevelMs === 'number' ? thresholds.serviceLevelMs : 20_000;
  const fromContacts = pointsFromContacts(contacts, (minutes ?? 15) * 60_000, slMs);
  return {
    seed,
    points: fromContacts,
    source: fromContacts.length > 0 ? 'contacts' : 'none',
    contactCount: contacts.length,
    intervalMinutes: minutes ?? (fromContacts.length > 0 ? 15 : null),
  };
}
