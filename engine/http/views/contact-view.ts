/**
 * A contact as the API shows it, live or finished: state, queue, place in
 * line and estimated wait, who has it. `contactDetail` adds the customer's
 * profile and, for the agent handling it, the customer's history.
 */
import { z } from '@hono/zod-openapi';
import { EngineError } from '../../errors.js';
import type { ContactRelation } from '../../auth/authorize.js';
import { Channel, ContactRecord } from '../../records.js';
import { Customer } from './customer-view.js';
import type { ViewContext } from './view-context.js';

export const ContactState = z.enum([
  'queued',
  'offered',
  'connected',
  'wrapUp',
  'completed',
  'abandoned',
]);

export const ContactView = z
  .object({
    contactId: z.string(),
    state: ContactState,
    channel: Channel,
    queueId: z.string(),
    priority: z.number(),
    /** 0-based place in line (0 = next); null unless waiting. */
    position: z.number().int().nullable(),
    /** See wait-estimator.ts; null unless waiting with agents logged in. */
    estimatedWaitSec: z.number().int().nullable(),
    /** The agent connected to it or wrapping it up. */
    agentId: z.string().nullable(),
    /** The agent it is ringing for. */
    offeredTo: z.string().nullable(),
    /** The agent whose personal queue it waits in. */
    personalAgentId: z.string().nullable(),
    customerId: z.string().nullable(),
    topic: z.string().nullable(),
    language: z.string().nullable(),
    createdAt: z.number(),
    queuedAt: z.number(),
    callbackRequested: z.boolean(),
  })
  .openapi('Contact');
export type ContactView = z.infer<typeof ContactView>;

export const ContactDetail = ContactView.extend({
  customer: Customer.nullable(),
  /** The customer's earlier contacts, newest first (at most 20). */
  history: z.array(ContactRecord).optional(),
}).openapi('ContactDetail');
export type ContactDetail = z.infer<typeof ContactDetail>;

/** The contact, live or finished; throws unknown_contact if neither. */
export function contactView(ctx: ViewContext, contactId: string): ContactView {
  const live = ctx.center.contact(contactId);
  if (live) {
    const position = live.state === 'queued' ? ctx.center.position(contactId) : null;
    return {
      ...fromRecord(live.record),
      state: live.state,
      priority: live.priority,
      queueId: live.queueId,
      position,
      estimatedWaitSec: position === null ? null : ctx.waits.estimateSec(live.queueId, position),
      agentId: live.agentId,
      offeredTo: live.offer?.agentId ?? null,
      personalAgentId: live.personalAgentId,
    };
  }
  const record = ctx.store.getContact(contactId);
  if (!record) throw new EngineError('unknown_contact', `no contact ${contactId}`);
  return { ...fromRecord(record), state: record.outcome ?? 'completed' };
}

/** The view with the customer's profile, and history when asked. */
export function contactDetail(
  ctx: ViewContext,
  contactId: string,
  withHistory = false,
): ContactDetail {
  const view = contactView(ctx, contactId);
  const profile = ctx.center.customerProfile(contactId);
  const customer = profile?.customer ?? null;
  return { ...view, customer, ...(withHistory ? { history: profile?.history ?? [] } : {}) };
}

/** What a customer may see of its own contact: no agent ids. */
export function forCustomer(view: ContactView): ContactView {
  return { ...view, agentId: null, offeredTo: null, personalAgentId: null };
}

/**
 * The agents a contact is with now; for a finished one, every agent it was
 * offered to or handled by (each saw it; a late click then hears that it
 * is gone rather than forbidden). Null for an unknown contact.
 */
export function contactRelation(ctx: ViewContext, contactId: string): ContactRelation | null {
  const live = ctx.center.contact(contactId);
  if (live) {
    // Every agent it ever rang at is related, as for a closed contact: a
    // click that arrives after the offer moved on gets the engine's 409.
    const ids = [
      live.offer?.agentId,
      live.agentId,
      live.personalAgentId,
      ...live.record.offers.map((o) => o.agentId),
    ].filter((x): x is string => !!x);
    return { contactId, agentIds: new Set(ids) };
  }
  const record = ctx.store.getContact(contactId);
  if (!record) return null;
  const ids = [...record.offers.map((o) => o.agentId), ...(record.agentId ? [record.agentId] : [])];
  return { contactId, agentIds: new Set(ids) };
}

function fromRecord(r: ContactRecord): ContactView {
  return {
    contactId: r.id,
    state: r.outcome ?? 'completed',
    channel: r.channel,
    queueId: r.queueId,
    priority: r.priority,
    position: null,
    estimatedWaitSec: null,
    agentId: r.agentId,
    offeredTo: null,
    personalAgentId: null,
    customerId: r.customerId,
    topic: r.topic,
    language: r.language,
    createdAt: r.createdAt,
    queuedAt: r.queuedAt,
    callbackRequested: r.callbackRequestedAt !== null,
  };
}
