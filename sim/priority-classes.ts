/**
 * Priority classes for a replay: how a trace's priority maps onto the
 * engine's, and what head start it buys. The engine gives a head start per
 * queue (`waitBonusSec`), not per contact, so a class with a head start
 * waits in a twin of its queue, `<queue>:hs<seconds>`, which has the same
 * settings plus the extra bonus and is served by the same agents. Routing
 * compares waiting contacts across all of an agent's queues by priority
 * and then by effective wait, so a twin orders its contacts exactly as a
 * per-contact head start would. Records are mapped back to the real queue
 * before statistics see them.
 */
import { z } from 'zod';
import type { AgentConfig, ContactRecord, QueueConfig } from '../engine/index.js';

export const PriorityClass = z.strictObject({
  /** The engine priority to use (larger is served first); default the trace's. */
  priority: z.int().min(-100).max(100).optional(),
  /** Ranks the contact as if it had waited this much longer. */
  headStartSec: z.number().min(0).max(86_400).default(0),
});
export type PriorityClass = z.output<typeof PriorityClass>;

/** Trace priority (as a string key) to its class. */
export const PriorityClasses = z.record(z.string().regex(/^-?\d+$/, 'an integer'), PriorityClass);
export type PriorityClasses = z.output<typeof PriorityClasses>;

export interface PriorityRouting {
  queues: QueueConfig[];
  agents: AgentConfig[];
  /** Where a contact of this trace priority waits, and at what priority. */
  placeOf(queueId: string, tracePriority: number): { queueId: string; priority: number };
  /** The engine priority for a trace priority. */
  priorityOf(tracePriority: number): number;
  /** A record as if the twins did not exist. */
  recordView(record: ContactRecord): ContactRecord;
}

/** Adds the twin queues the classes need and names them for agents. */
export function priorityRouting(
  queues: readonly QueueConfig[],
  agents: readonly AgentConfig[],
  classes: PriorityClasses,
): PriorityRouting {
  const headStarts = [...new Set(Object.values(classes).map((c) => c.headStartSec))]
    .filter((s) => s > 0)
    .sort((a, b) => a - b);
  const twinId = (queueId: string, headStart: number) => `${queueId}:hs${headStart}`;
  const base = new Map<string, string>();

  const twins = queues.flatMap((q) =>
    headStarts.map((s) => {
      base.set(twinId(q.id, s), q.id);
      return { ...q, id: twinId(q.id, s), waitBonusSec: q.waitBonusSec + s };
    }),
  );
  const withTwins = agents.map((a) =>
    a.queues ? { ...a, queues: a.queues.flatMap((q) => [q, ...headStarts.map((s) => twinId(q, s))]) } : a,
  );
  const realQueue = (id: string) => base.get(id) ?? id;

  return {
    queues: [...queues, ...twins],
    agents: withTwins,
    placeOf(queueId, tracePriority) {
      const cls = classes[String(tracePriority)];
      const headStart = cls?.headStartSec ?? 0;
      return {
        queueId: headStart > 0 ? twinId(queueId, headStart) : queueId,
        priority: cls?.priority ?? tracePriority,
      };
    },
    priorityOf(tracePriority) {
      return classes[String(tracePriority)]?.priority ?? tracePriority;
    },
    recordView(record) {
      if (base.size === 0) return record;
      return {
        ...record,
        firstQueueId: realQueue(record.firstQueueId),
        queueId: realQueue(record.queueId),
        offers: record.offers.map((o) => ({ ...o, queueId: realQueue(o.queueId) })),
        overflows: record.overflows.map((o) => ({ ...o, from: realQueue(o.from), to: realQueue(o.to) })),
      };
    },
  };
}
