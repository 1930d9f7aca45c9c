/**
 * The chat of each contact: who may write and read it, its numbering, and
 * whom each message goes to. Only the two parties write to each other, and
 * only while connected; staff who open a chat receive it read-only and may
 * whisper to the agent. Delivery is the caller's (the live relay): this
 * decides and persists, and answers with the message and its audience.
 */
import { randomBytes } from 'node:crypto';
import { isAgent, isStaff, type Principal } from '../auth/principal.js';
import {
  publicMessage,
  type ChatAuthor,
  type ChatMessage,
  type StoredChatMessage,
} from './chat-message.js';
import { refuse, type ChatRefusal } from './chat-refusal.js';
import type { ContactParties, PartyLookup } from './contact-parties.js';
import { roleOn } from './contact-parties.js';
import type { ConversationStore } from './conversation-store.js';

/** Whom a message or typing notice goes to. */
export type Audience = (p: Principal) => boolean;

export type SendOutcome =
  | {
      kind: 'sent';
      message: ChatMessage;
      /** True when this is a resend of a message already stored. */
      duplicate: boolean;
      audience: Audience;
    }
  | ChatRefusal;

export type ReadOutcome = { kind: 'read'; messages: ChatMessage[] } | ChatRefusal;

export type TypingOutcome =
  { kind: 'typing'; from: 'customer' | 'agent'; audience: Audience } | ChatRefusal;

export interface ConversationsOptions {
  store: ConversationStore;
  parties: PartyLookup;
  now: () => number;
  /** Message ids; random by default, fixed in tests. */
  newId?: () => string;
}

export class Conversations {
  /** Staff user ids watching each live chat. */
  private readonly watchers = new Map<string, Set<string>>();
  private readonly newId: () => string;

  constructor(private readonly options: ConversationsOptions) {
    this.newId = options.newId ?? (() => `m_${randomBytes(9).toString('base64url')}`);
  }

  /**
   * Stores and addresses a message. The customer and the agent write to
   * each other; staff write whispers the agent alone sees. A resend with a
   * client id already used answers with the stored message, unchanged.
   */
  send(p: Principal, contactId: string, clientId: string, text: string): SendOutcome {
    const parties = this.lookup(p, contactId);
    if (parties.kind === 'refused') return parties;
    const role = roleOn(p, parties.parties);
    if (role === null) return refuse('forbidden', `${who(p)} is not on contact ${contactId}`);

    const from: ChatAuthor = role === 'staff' ? 'supervisor-whisper' : role;
    const clientKey = `${authorKey(p)}:${clientId}`;
    const known = this.options.store.findChatMessage(contactId, clientKey);
    if (known) {
      return {
        kind: 'sent',
        message: publicMessage(known),
        duplicate: true,
        audience: this.audience(parties.parties, known.from),
      };
    }
    if (parties.parties.state !== 'connected') {
      return refuse(
        'chat_closed',
        `contact ${contactId} is ${parties.parties.state}, not connected`,
      );
    }

    const stored: StoredChatMessage = {
      contactId,
      messageId: this.newId(),
      seq: this.options.store.lastChatSeq(contactId) + 1,
      from,
      text,
      at: this.options.now(),
      authorId: p.kind === 'user' ? p.userId : null,
      clientKey,
    };
    this.options.store.appendChatMessage(stored);
    if (role === 'staff') this.watch(p, contactId);

    return {
      kind: 'sent',
      message: publicMessage(stored),
      duplicate: false,
      audience: this.audience(parties.parties, from),
    };
  }

  /**
   * The transcript after `afterSeq`, as this reader may see it: customers
   * never see whispers. Staff who read a live chat keep receiving it.
   */
  read(p: Principal, contactId: string, afterSeq = 0): ReadOutcome {
    const parties = this.lookup(p, contactId);
    if (parties.kind === 'refused') return parties;
    if (!this.mayRead(p, parties.parties)) {
      return refuse('forbidden', `${who(p)} may not read contact ${contactId}`);
    }

    if (isStaff(p) && parties.parties.live) this.watch(p, contactId);
    const all = this.options.store.listChatMessages(contactId, afterSeq).map(publicMessage);
    const messages =
      p.kind === 'customer' ? all.filter((m) => m.from !== 'supervisor-whisper') : all;
    return { kind: 'read', messages };
  }

  /** A party is typing: the other party (and watchers) are told; nothing is stored. */
  typing(p: Principal, contactId: string): TypingOutcome {
    const parties = this.lookup(p, contactId);
    if (parties.kind === 'refused') return parties;
    const role = roleOn(p, parties.parties);
    if (role !== 'customer' && role !== 'agent') {
      return refuse('forbidden', `${who(p)} is not a party to contact ${contactId}`);
    }
    if (parties.parties.state !== 'connected') {
      return refuse('chat_closed', `contact ${contactId} is not connected`);
    }
    const everyone = this.audience(parties.parties, role);
    return {
      kind: 'typing',
      from: role,
      audience: (q) => everyone(q) && roleOn(q, parties.parties) !== role,
    };
  }

  /** Stops sending a chat to a staff user. */
  unwatch(p: Principal, contactId: string): void {
    if (p.kind === 'user') this.watchers.get(contactId)?.delete(p.userId);
  }

  /** The contact closed: nobody watches it any more. */
  forget(contactId: string): void {
    this.watchers.delete(contactId);
  }

  /** Whether a principal may read a contact's transcript. */
  mayRead(p: Principal, parties: ContactParties): boolean {
    if (p.kind === 'customer') return p.contactId === parties.contactId;
    if (isStaff(p)) return true;
    if (!isAgent(p)) return false;
    if (parties.agentIds.has(p.agentId)) return true;
    // The agent with this customer now may read the customer's earlier chats.
    return (
      parties.customerId !== null &&
      this.options.parties.handlesCustomer(p.agentId, parties.customerId)
    );
  }

  /**
   * The customer (unless a whisper), the agent handling the contact, and
   * the staff watching it.
   */
  private audience(parties: ContactParties, from: ChatAuthor): Audience {
    const watching = this.watchers.get(parties.contactId);
    return (q) => {
      if (q.kind === 'customer')
        return from !== 'supervisor-whisper' && q.contactId === parties.contactId;
      if (isAgent(q)) return q.agentId === parties.agentId;
      return isStaff(q) && (watching?.has(q.userId) ?? false);
    };
  }

  private watch(p: Principal, contactId: string): void {
    if (p.kind !== 'user') return;
    const set = this.watchers.get(contactId) ?? new Set<string>();
    set.add(p.userId);
    this.watchers.set(contactId, set);
  }

  private lookup(
    p: Principal,
    contactId: string,
  ): { kind: 'found'; parties: ContactParties } | ChatRefusal {
    const parties = this.options.parties.of(contactId);
    if (parties) return { kind: 'found', parties };
    // A customer may not probe which ids exist.
    if (p.kind === 'customer')
      return refuse('forbidden', `${who(p)} is not on contact ${contactId}`);
    return refuse('unknown_contact', `no contact ${contactId}`);
  }
}

function authorKey(p: Principal): string {
  return p.kind === 'customer' ? 'customer' : p.userId;
}

function who(p: Principal): string {
  return p.kind === 'customer'
    ? `the customer of contact ${p.contactId}`
    : `${p.role} ${p.username}`;
}
