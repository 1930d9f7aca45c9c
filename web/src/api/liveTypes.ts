/**
 * What `/api/ws` carries (engine/events.ts and engine/http/live): domain
 * events for staff and agents, their customer form, and the frames around
 * them.
 */
import type { AgentState, Channel, ContactRecord } from './types';
import type { RealtimeSnapshot } from './statsTypes';
import type { ConversationMessage, ErrorMessage } from './conversationTypes';

interface Base {
  seq: number;
  at: number;
}
interface OnContact extends Base {
  contactId: string;
}

export type DomainEvent =
  | (OnContact & {
      type: 'contact.created';
      channel: Channel;
      queueId: string;
      customerId: string | null;
      noEligibleAgent: boolean;
    })
  | (OnContact & { type: 'contact.queued'; queueId: string; personalAgentId: string | null })
  | (OnContact & {
      type: 'contact.offered';
      offerId: string;
      agentId: string;
      queueId: string;
      expiresAt: number;
    })
  | (OnContact & { type: 'contact.offer_ended'; offerId: string; agentId: string; outcome: string })
  | (OnContact & { type: 'contact.connected'; agentId: string })
  | (OnContact & { type: 'contact.held'; agentId: string; onHold: boolean })
  | (OnContact & { type: 'contact.ended'; agentId: string; wrapUpUntil: number })
  | (OnContact & { type: 'contact.abandoned' })
  | (OnContact & { type: 'contact.callback_requested' })
  | (OnContact & { type: 'contact.overflowed'; from: string; to: string })
  | (OnContact & { type: 'contact.transferred'; from: string; to: string })
  | (OnContact & {
      type: 'contact.moved';
      queueId: string;
      priority: number;
      personalAgentId: string | null;
    })
  | (OnContact & { type: 'contact.closed'; record: ContactRecord })
  | (Base & {
      type: 'agent.state';
      agentId: string;
      state: AgentState;
      previous: AgentState;
      reason: string | null;
    });

export type DomainEventType = DomainEvent['type'];

/** What a customer's socket carries: what happened, never to whom. */
export interface CustomerEvent {
  type: DomainEventType;
  seq: number;
  at: number;
  contactId: string;
  onHold?: boolean;
  outcome?: string | null;
}

/** One frame from `/api/ws`. */
export type ServerMessage =
  // A customer's socket carries `CustomerEvent`s here; its page only
  // re-reads its contact on them, so staff pages may rely on the full form.
  | { kind: 'event'; event: DomainEvent }
  | { kind: 'snapshot'; seq: number; state: unknown }
  | { kind: 'pong'; seq: number }
  | ErrorMessage
  | { kind: 'stats.realtime'; snapshot: RealtimeSnapshot }
  | ConversationMessage;
