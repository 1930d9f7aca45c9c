/**
 * How, when and after what wait a contact left the live queue. Every
 * contact counter hangs off this one classification, so the historical and
 * real-time figures cannot disagree about what "answered" means.
 */
import type { ContactRecord } from '../records.js';

export type QueueExitKind = 'answered' | 'abandoned' | 'callback';

export type QueueExit =
  | { kind: QueueExitKind; at: number; waitMs: number }
  /** Closed while still queued, e.g. the engine shut down; only offered. */
  | { kind: 'none' };

/**
 * The contact left the live queue at the earliest of `answeredAt`,
 * `callbackRequestedAt` and `abandonedAt`, and that event is its exit:
 *
 * - a callback answered later is a callback, not a live answer: its customer
 *   stopped waiting on the line when asking for it;
 * - a callback contact that is later dropped is not an abandon;
 * - a contact answered, transferred and then abandoned in the second queue
 *   counts as answered: it did leave the live queue by being answered.
 *
 * Ties (same millisecond) resolve answered, then callback, then abandoned.
 * The wait is never negative.
 */
export function queueExit(record: ContactRecord): QueueExit {
  const candidates: [QueueExitKind, number | null][] = [
    ['answered', record.answeredAt],
    ['callback', record.callbackRequestedAt],
    ['abandoned', record.abandonedAt],
  ];
  let exit: { kind: QueueExitKind; at: number } | null = null;
  for (const [kind, at] of candidates) {
    if (at !== null && (exit === null || at < exit.at)) exit = { kind, at };
  }
  if (exit === null) return { kind: 'none' };

  return { ...exit, waitMs: Math.max(0, exit.at - record.queuedAt) };
}
