/**
 * An agent as a supervisor sees it (profile, state, time in state and
 * workload, each contact with its customer) and as the agent sees itself
 * (the same, with each customer's history).
 */
import { z } from '@hono/zod-openapi';
import { AgentState } from '../../events.js';
import { ContactDetail, contactDetail } from './contact-view.js';
import type { ViewContext } from './view-context.js';

export const AgentView = z
  .object({
    agentId: z.string(),
    name: z.string(),
    skills: z.record(z.string(), z.number()),
    capacity: z.number().int(),
    queues: z.array(z.string()),
    presence: z.enum(['loggedOut', 'ready', 'notReady']),
    state: AgentState,
    stateSince: z.number(),
    timeInStateSec: z.number().int(),
    reason: z.string().nullable(),
    /** A presence change that waits for the agent's work to drain. */
    pendingPresence: z.string().nullable(),
    handled: z.number().int(),
    missedOffers: z.number().int(),
    workload: z.object({
      offers: z.array(ContactDetail),
      active: z.array(ContactDetail),
      wrapUps: z.array(ContactDetail),
      /** Contacts assigned to this agent, waiting for it. */
      personalQueue: z.array(ContactDetail),
    }),
  })
  .openapi('Agent');
export type AgentView = z.infer<typeof AgentView>;

/** One agent; throws unknown_agent. History is included for the agent's own view. */
export function agentView(ctx: ViewContext, agentId: string, withHistory = false): AgentView {
  const s = ctx.center.agentStatus(agentId);
  const details = (ids: string[]) => ids.map((id) => contactDetail(ctx, id, withHistory));
  return {
    agentId,
    name: s.name,
    skills: s.skills,
    capacity: s.capacity,
    queues: s.queues,
    presence: s.presence,
    state: s.state,
    stateSince: s.stateSince,
    timeInStateSec: Math.max(0, Math.floor((ctx.now() - s.stateSince) / 1000)),
    reason: s.reason,
    pendingPresence: s.pending?.state ?? null,
    handled: s.handled,
    missedOffers: s.missedOffers,
    workload: {
      offers: details(s.offers),
      active: details(s.active),
      wrapUps: details(s.wrapUps),
      personalQueue: details(s.personalQueue),
    },
  };
}

export function allAgents(ctx: ViewContext): AgentView[] {
  return ctx.center.agentIds().map((id) => agentView(ctx, id));
}
