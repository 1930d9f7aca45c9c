/**
 * The order of waiting contacts as data: comparing two entries, counting
 * those ahead of one, and making a key that slots a contact between two
 * neighbours (a supervisor's move).
 */
import type { Pool, WaitingEntry } from '../routing/pool.js';

type Order = Pick<WaitingEntry, 'priority' | 'rank' | 'seq'>;

/** Negative when `a` is served before `b`. */
export function compareEntries(a: Order, b: Order): number {
  return b.priority - a.priority || a.rank - b.rank || a.seq - b.seq;
}

/** How many contacts of a pool are served before `entry`. O(n): display only. */
export function countBefore(pool: Pool, entry: Order): number {
  let n = 0;
  for (const e of pool.waiting.values()) if (compareEntries(e, entry) < 0) n += 1;
  return n;
}

/**
 * An order key that sorts right after `before` and right before `after`.
 * With a lower-priority neighbour after, the contact takes the priority of
 * the one before it: a move never reorders anyone else.
 */
export function between<T extends Order>(
  before: Order | undefined,
  after: Order | undefined,
  self: T,
): T {
  if (before && after) {
    if (before.priority !== after.priority) {
      return { ...self, priority: before.priority, rank: before.rank, seq: before.seq + 0.5 };
    }
    if (before.rank !== after.rank) {
      return {
        ...self,
        priority: before.priority,
        rank: (before.rank + after.rank) / 2,
        seq: before.seq,
      };
    }
    return {
      ...self,
      priority: before.priority,
      rank: before.rank,
      seq: (before.seq + after.seq) / 2,
    };
  }
  if (after) return { ...self, priority: after.priority, rank: after.rank, seq: after.seq - 0.5 };
  if (before)
    return { ...self, priority: before.priority, rank: before.rank, seq: before.seq + 0.5 };
  return self;
}
