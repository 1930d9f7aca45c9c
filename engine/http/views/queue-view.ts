/**
 * A shared queue as a supervisor sees it: what waits, for how long, who
 * serves it, and the handle time behind the customers' wait estimates.
 */
import { z } from '@hono/zod-openapi';
import { EngineError } from '../../errors.js';
import { ContactDetail, contactDetail } from './contact-view.js';
import type { ViewContext } from './view-context.js';

export const QueueView = z
  .object({
    queueId: z.string(),
    name: z.string().nullable(),
    strategy: z.string(),
    priority: z.number().int(),
    skills: z.array(z.object({ skill: z.string(), minProficiency: z.number().int() })),
    waiting: z.number().int(),
    /** How long the contact at the head has waited, in seconds. */
    longestWaitSec: z.number().int().nullable(),
    agentsLoggedIn: z.number().int(),
    agentsReady: z.number().int(),
    averageHandleSec: z.number(),
  })
  .openapi('Queue');
export type QueueView = z.infer<typeof QueueView>;

export function queueView(ctx: ViewContext, queueId: string): QueueView {
  const config = ctx.center.configuration.queues.find((q) => q.id === queueId);
  if (!config) throw new EngineError('unknown_queue', `no queue ${queueId}`);
  const waiting = ctx.center.queueContents(queueId);
  const oldest = waiting.reduce((min, c) => Math.min(min, c.record.queuedAt), Infinity);
  let loggedIn = 0;
  let ready = 0;
  for (const id of ctx.center.agentIds()) {
    const s = ctx.center.agentStatus(id);
    if (!s.queues.includes(queueId) || s.presence === 'loggedOut') continue;
    loggedIn += 1;
    if (s.presence === 'ready') ready += 1;
  }
  return {
    queueId,
    name: config.name ?? null,
    strategy: config.strategy,
    priority: config.priority,
    skills: config.skills,
    waiting: waiting.length,
    longestWaitSec: waiting.length > 0 ? Math.floor((ctx.now() - oldest) / 1000) : null,
    agentsLoggedIn: loggedIn,
    agentsReady: ready,
    averageHandleSec: ctx.waits.averageHandleSec(queueId),
  };
}

export function allQueues(ctx: ViewContext): QueueView[] {
  return ctx.center.queueIds().map((id) => queueView(ctx, id));
}

/** The queue's waiting contacts in the order they will be served. */
export function queueContacts(ctx: ViewContext, queueId: string): ContactDetail[] {
  if (!ctx.center.configuration.queues.some((q) => q.id === queueId)) {
    throw new EngineError('unknown_queue', `no queue ${queueId}`);
  }
  return ctx.center.queueContents(queueId).map((c) => contactDetail(ctx, c.id));
}
