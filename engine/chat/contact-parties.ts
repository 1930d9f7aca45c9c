/**
 * Who is on a contact, live or finished, as conversations need to know it:
 * its channel and state, the agent handling it, the agents it was with,
 * and its customer. Read from the center for a live contact and from the
 * store for a finished one.
 */
import { isAgent, isStaff, type Principal } from '../auth/principal.js';
import type { ContactCenter } from '../center.js';
import type { Channel } from '../records.js';
import type { Store } from '../store/store.js';

export interface ContactParties {
  contactId: string;
  channel: Channel;
  state: 'queued' | 'offered' | 'connected' | 'wrapUp' | 'completed' | 'abandoned';
  live: boolean;
  /** The agent connected to it now (live), or who handled it last (finished). */
  agentId: string | null;
  /** Every agent it is or was with: ringing, handling, personal queue, offers. */
  agentIds: ReadonlySet<string>;
  customerId: string | null;
}

export interface PartyLookup {
  /** Null for a contact neither live nor stored. */
  of(contactId: string): ContactParties | null;
  /** Whether the agent handles a live contact of this customer now. */
  handlesCustomer(agentId: string, customerId: string): boolean;
}

export function partyLookup(
  center: Pick<ContactCenter, 'contact' | 'liveContacts'>,
  store: Pick<Store, 'getContact'>,
): PartyLookup {
  return {
    of(contactId) {
      const live = center.contact(contactId);
      if (live) {
        const ids = [live.offer?.agentId, live.agentId, live.personalAgentId];
        return {
          contactId,
          channel: live.record.channel,
          state: live.state,
          live: true,
          agentId: live.state === 'connected' || live.state === 'wrapUp' ? live.agentId : null,
          agentIds: new Set(ids.filter((x): x is string => !!x)),
          customerId: live.record.customerId,
        };
      }
      const record = store.getContact(contactId);
      if (!record) return null;
      const ids = [...record.offers.map((o) => o.agentId), record.agentId];
      return {
        contactId,
        channel: record.channel,
        state: record.outcome ?? 'completed',
        live: false,
        agentId: record.agentId,
        agentIds: new Set(ids.filter((x): x is string => !!x)),
        customerId: record.customerId,
      };
    },
    handlesCustomer(agentId, customerId) {
      for (const c of center.liveContacts()) {
        if (c.agentId === agentId && c.record.customerId === customerId) return true;
      }
      return false;
    },
  };
}

/** The part a principal plays on a contact: one of its two parties, staff, or none. */
export type Role = 'customer' | 'agent' | 'staff' | null;

export function roleOn(p: Principal, parties: ContactParties): Role {
  if (p.kind === 'customer') return p.contactId === parties.contactId ? 'customer' : null;
  if (isAgent(p) && parties.agentId === p.agentId) return 'agent';
  if (isStaff(p)) return 'staff';
  return null;
}
