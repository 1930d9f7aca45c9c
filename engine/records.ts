/**
 * The contact record: one per contact, with every timestamp the engine saw.
 * It is what the store keeps, what statistics are computed from and what the
 * CSV export prints. Times are epoch milliseconds from the engine's clock.
 */
import { z } from 'zod';

export const channels = ['chat', 'voice', 'callback'] as const;
export const Channel = z.enum(channels);
export type Channel = z.infer<typeof Channel>;

export const offerOutcomes = [
  'accepted', // the agent took it
  'declined', // the agent refused it
  'timeout', // nobody answered within the queue's ring timeout
  'withdrawn', // the agent went not ready or logged out while ringing
  'cancelled', // the customer left while it rang
] as const;
export const OfferOutcome = z.enum(offerOutcomes);
export type OfferOutcome = z.infer<typeof OfferOutcome>;

export const OfferRecord = z.object({
  offerId: z.string(),
  agentId: z.string(),
  queueId: z.string(),
  offeredAt: z.number(),
  endedAt: z.number().nullable(),
  outcome: OfferOutcome.nullable(),
});
export type OfferRecord = z.infer<typeof OfferRecord>;

export const contactOutcomes = [
  'completed', // answered, ended and wrapped up
  'abandoned', // the customer left before an agent answered
] as const;
export const ContactOutcome = z.enum(contactOutcomes);
export type ContactOutcome = z.infer<typeof ContactOutcome>;

export const ContactRecord = z.object({
  id: z.string(),
  channel: Channel,
  /** The queue the contact entered first. Statistics credit this queue. */
  firstQueueId: z.string(),
  /** The queue it is in now, or was in when it left. */
  queueId: z.string(),
  customerId: z.string().nullable(),
  priority: z.number().int(),
  /** Skills asked for on top of the queue's own. */
  skills: z.array(z.string()),
  language: z.string().nullable(),
  topic: z.string().nullable(),
  createdAt: z.number(),
  /** First entry into a queue; never reset by requeues, overflow or moves. */
  queuedAt: z.number(),
  offers: z.array(OfferRecord),
  /** When an agent accepted. Null if never answered. */
  answeredAt: z.number().nullable(),
  /** The agent who answered last (after transfers, the last one). */
  agentId: z.string().nullable(),
  /** Total time spent on hold, in ms. */
  holdMs: z.number(),
  /** End of the conversation; wrap-up starts here. */
  endedAt: z.number().nullable(),
  wrapUpEndedAt: z.number().nullable(),
  /** When the customer asked to be called back instead of waiting. */
  callbackRequestedAt: z.number().nullable(),
  /** When the customer left without being answered. */
  abandonedAt: z.number().nullable(),
  overflows: z.array(z.object({ from: z.string(), to: z.string(), at: z.number() })),
  transfers: z.array(z.object({ from: z.string(), to: z.string(), at: z.number() })),
  disposition: z.string().nullable(),
  /** True when, at arrival, no logged-in agent had the skills it needs. */
  noEligibleAgent: z.boolean(),
  outcome: ContactOutcome.nullable(),
});
export type ContactRecord = z.infer<typeof ContactRecord>;

/** What a new contact's record needs; every later field starts empty. */
export type NewContactRecord = Pick<ContactRecord, 'id' | 'channel' | 'firstQueueId' | 'queuedAt'> &
  Partial<ContactRecord>;

/** A record for a contact that has just entered its first queue. */
export function newContactRecord(fields: NewContactRecord): ContactRecord {
  return {
    queueId: fields.firstQueueId,
    customerId: null,
    priority: 0,
    skills: [],
    language: null,
    topic: null,
    createdAt: fields.queuedAt,
    offers: [],
    answeredAt: null,
    agentId: null,
    holdMs: 0,
    endedAt: null,
    wrapUpEndedAt: null,
    callbackRequestedAt: null,
    abandonedAt: null,
    overflows: [],
    transfers: [],
    disposition: null,
    noEligibleAgent: false,
    outcome: null,
    ...fields,
  };
}

/** Never negative, never NaN: a difference of two optional timestamps. */
export function span(from: number | null, to: number | null): number {
  if (from === null || to === null) return 0;
  const d = to - from;
  return Number.isFinite(d) && d > 0 ? d : 0;
}
