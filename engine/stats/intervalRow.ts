/**
 * One row of historical statistics: the counters of one interval for one
 * queue, one agent, or the whole center. Plain JSON with a zod schema, so a
 * store can persist rows and validate them when it loads them back.
 */
import { z } from 'zod';
import { IntervalStats } from './intervalStats.js';

export const IntervalRow = z.object({
  /** Epoch ms of the interval's first instant; it ends one length later. */
  intervalStart: z.number().int(),
  /**
   * Set on a queue's row. Contacts are credited to their `firstQueueId`, so
   * an overflowed or moved contact stays with the queue it first entered.
   */
  queueId: z.string().nullable(),
  /**
   * Set on an agent's row: that agent's state time, and the contacts whose
   * record names the agent as the one who answered last.
   */
  agentId: z.string().nullable(),
  counters: IntervalStats,
});
export type IntervalRow = z.infer<typeof IntervalRow>;

/** Which rows a report reads: the center's when both ids are absent. */
export interface RowScope {
  queueId?: string | undefined;
  agentId?: string | undefined;
}

export function rowKey(
  intervalStart: number,
  queueId: string | null,
  agentId: string | null,
): string {
  return JSON.stringify([intervalStart, queueId, agentId]);
}
