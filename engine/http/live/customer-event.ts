/**
 * What a customer is told of an event on its own contact: what happened
 * and when, never which agent, offer or internal queue shuffle.
 */
import type { DomainEvent } from '../../events.js';

export interface CustomerEvent {
  type: DomainEvent['type'];
  seq: number;
  at: number;
  contactId: string;
  onHold?: boolean;
  outcome?: string | null;
}

export function customerEvent(e: DomainEvent & { contactId: string }): CustomerEvent {
  const base = { type: e.type, seq: e.seq, at: e.at, contactId: e.contactId };
  if (e.type === 'contact.held') return { ...base, onHold: e.onHold };
  if (e.type === 'contact.closed') return { ...base, outcome: e.record.outcome };
  return base;
}
