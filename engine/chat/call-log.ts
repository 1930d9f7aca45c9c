/**
 * Keeps the media record of browser calls: the two pages report when their
 * call connected, each mute and the hang-up; the contact ending closes a
 * call nobody hung up. Only the contact's two parties may report, and only
 * on a voice contact.
 */
import { isAgent, type Principal } from '../auth/principal.js';
import { refuse, type ChatRefusal } from './chat-refusal.js';
import { roleOn, type ContactParties, type PartyLookup } from './contact-parties.js';
import type { ConversationStore } from './conversation-store.js';
import { emptyMedia, type CallParty, type MediaRecord } from './media-record.js';

export type CallEvent = 'connected' | 'muted' | 'unmuted' | 'hangup';

export type PartyOutcome =
  | {
      kind: 'party';
      role: CallParty;
      /** Whom a frame from this party goes to: the other party, only. */
      other: (p: Principal) => boolean;
    }
  | ChatRefusal;

export class CallLog {
  constructor(
    private readonly store: ConversationStore,
    private readonly parties: PartyLookup,
    private readonly now: () => number,
  ) {}

  /**
   * The part `p` plays on a connected voice contact, and who the other
   * party is; refused for anyone else, and for any other contact.
   */
  party(p: Principal, contactId: string): PartyOutcome {
    const parties = this.parties.of(contactId);
    if (!parties) {
      return p.kind === 'customer'
        ? refuse('forbidden', 'not your contact')
        : refuse('unknown_contact', `no contact ${contactId}`);
    }
    const role = roleOn(p, parties);
    if (role !== 'customer' && role !== 'agent') {
      return refuse('forbidden', `only the customer and the agent of ${contactId} may signal`);
    }
    if (parties.channel !== 'voice')
      return refuse('not_a_call', `contact ${contactId} is not a voice contact`);
    if (!parties.live || parties.state !== 'connected') {
      return refuse('chat_closed', `contact ${contactId} is ${parties.state}, not connected`);
    }
    return { kind: 'party', role, other: otherParty(parties, role) };
  }

  /** Records what a party's page reported; the first connect and hang-up count. */
  report(contactId: string, by: CallParty, event: CallEvent): MediaRecord {
    const record = this.store.getMedia(contactId) ?? emptyMedia(contactId);
    const at = this.now();
    if (event === 'connected') record.connectedAt ??= at;
    if (event === 'muted' || event === 'unmuted')
      record.mutes.push({ by, muted: event === 'muted', at });
    if (event === 'hangup' && record.endedAt === null) {
      record.endedAt = at;
      record.endedBy = by;
    }
    this.store.saveMedia(record);
    return record;
  }

  /** The contact ended: a call still open ends with it, at that time. */
  contactEnded(contactId: string, at: number): void {
    const record = this.store.getMedia(contactId);
    if (!record || record.endedAt !== null || record.connectedAt === null) return;
    this.store.saveMedia({ ...record, endedAt: at, endedBy: 'agent' });
  }
}

function otherParty(parties: ContactParties, role: CallParty): (p: Principal) => boolean {
  if (role === 'agent') return (q) => q.kind === 'customer' && q.contactId === parties.contactId;
  return (q) => isAgent(q) && q.agentId === parties.agentId;
}
