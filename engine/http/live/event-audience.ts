/**
 * Works out whom each domain event concerns: its contact, the agents it
 * names, and the agents the contact is with (ringing, connected, wrap-up,
 * personal queue), tracked from the events themselves so that, say, an
 * agent whose offer is abandoned hears of it. `maySeeEvent` in the
 * authorization module then decides per principal.
 */
import type { EventAudience } from '../../auth/authorize.js';
import type { DomainEvent } from '../../events.js';

interface With {
  offer: string | null;
  handler: string | null;
  personal: string | null;
}

export class EventAudiences {
  private readonly contacts = new Map<string, With>();

  /** The audience of `event`, then the tracking updated past it. */
  next(event: DomainEvent): EventAudience {
    const agents = new Set(named(event));
    const contactId = 'contactId' in event ? event.contactId : null;
    const before = contactId === null ? undefined : this.contacts.get(contactId);
    for (const id of [before?.offer, before?.handler, before?.personal]) if (id) agents.add(id);

    if (contactId !== null) this.apply(contactId, event);
    return { contactId, agentIds: agents };
  }

  private apply(contactId: string, e: DomainEvent): void {
    if (e.type === 'contact.closed') {
      this.contacts.delete(contactId);
      return;
    }
    const w = this.contacts.get(contactId) ?? { offer: null, handler: null, personal: null };
    switch (e.type) {
      case 'contact.queued':
      case 'contact.moved':
        w.personal = e.personalAgentId;
        break;
      case 'contact.offered':
        w.offer = e.agentId;
        break;
      case 'contact.offer_ended':
        w.offer = null;
        break;
      case 'contact.connected':
        w.handler = e.agentId;
        w.personal = null;
        break;
      case 'contact.transferred':
        w.handler = null;
        break;
      default:
        break;
    }
    this.contacts.set(contactId, w);
  }
}

/** Agents an event names in its own fields. */
function named(e: DomainEvent): string[] {
  switch (e.type) {
    case 'contact.offered':
    case 'contact.offer_ended':
    case 'contact.connected':
    case 'contact.held':
    case 'contact.ended':
    case 'agent.state':
      return [e.agentId];
    case 'contact.transferred':
      return [e.from, e.to];
    case 'contact.queued':
    case 'contact.moved':
      return e.personalAgentId ? [e.personalAgentId] : [];
    case 'contact.closed':
      return e.record.agentId ? [e.record.agentId] : [];
    default:
      return [];
  }
}
