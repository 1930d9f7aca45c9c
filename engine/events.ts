/**
 * Domain events: every state change the engine makes, as typed data. The
 * API, statistics and the simulator subscribe to these on the bus instead of
 * reaching into actors.
 */
import { z } from 'zod';
import { Channel, ContactRecord, OfferOutcome } from './records.js';

export const agentStates = ['loggedOut', 'ready', 'notReady', 'ringing', 'busy', 'wrapUp'] as const;
export const AgentState = z.enum(agentStates);
export type AgentState = z.infer<typeof AgentState>;

const base = { seq: z.number().int(), at: z.number() };
const onContact = { ...base, contactId: z.string() };

export const DomainEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('contact.created'),
    ...onContact,
    channel: Channel,
    queueId: z.string(),
    customerId: z.string().nullable(),
    noEligibleAgent: z.boolean(),
  }),
  z.object({
    type: z.literal('contact.queued'),
    ...onContact,
    queueId: z.string(),
    /** The agent whose personal queue holds the contact, or null. */
    personalAgentId: z.string().nullable(),
  }),
  z.object({
    type: z.literal('contact.offered'),
    ...onContact,
    offerId: z.string(),
    agentId: z.string(),
    queueId: z.string(),
    expiresAt: z.number(),
  }),
  z.object({
    type: z.literal('contact.offer_ended'),
    ...onContact,
    offerId: z.string(),
    agentId: z.string(),
    outcome: OfferOutcome,
  }),
  z.object({
    type: z.literal('contact.connected'),
    ...onContact,
    agentId: z.string(),
  }),
  z.object({
    type: z.literal('contact.held'),
    ...onContact,
    agentId: z.string(),
    onHold: z.boolean(),
  }),
  z.object({
    type: z.literal('contact.ended'),
    ...onContact,
    agentId: z.string(),
    wrapUpUntil: z.number(),
  }),
  z.object({ type: z.literal('contact.abandoned'), ...onContact }),
  z.object({ type: z.literal('contact.callback_requested'), ...onContact }),
  z.object({
    type: z.literal('contact.overflowed'),
    ...onContact,
    from: z.string(),
    to: z.string(),
  }),
  z.object({
    type: z.literal('contact.transferred'),
    ...onContact,
    from: z.string(),
    to: z.string(),
  }),
  z.object({
    type: z.literal('contact.moved'),
    ...onContact,
    queueId: z.string(),
    priority: z.number().int(),
    personalAgentId: z.string().nullable(),
  }),
  z.object({
    type: z.literal('contact.closed'),
    ...onContact,
    record: ContactRecord,
  }),
  z.object({
    type: z.literal('agent.state'),
    ...base,
    agentId: z.string(),
    state: AgentState,
    previous: AgentState,
    reason: z.string().nullable(),
  }),
]);
export type DomainEvent = z.infer<typeof DomainEvent>;
export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
