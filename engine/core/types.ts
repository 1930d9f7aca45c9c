/**
 * The shapes the center's parts share: what a caller asks for and gets
 * back, and the engine's own bookkeeping of a live contact.
 */
import type { AgentState } from '../events.js';
import type { Channel, ContactRecord } from '../records.js';
import type { ContactSlot } from '../routing/router.js';
import type { Customer, CustomerInput } from '../store/store.js';

export interface ContactRequest {
  channel: Channel;
  /** The queue to enter; or give a topic and let the center choose. */
  queueId?: string;
  /** A queue id or a skill that one queue requires. */
  topic?: string;
  /** A language, matched as a skill the agent must have. */
  language?: string;
  /** Further skills the agent must have. */
  skills?: string[];
  priority?: number;
  /** A head start of this contact's own, on top of its queue's `waitBonusSec`. */
  waitBonusSec?: number;
  customerId?: string;
  customer?: CustomerInput;
  preferredAgentId?: string;
  /** A caller-chosen id (trace replay); generated when absent. */
  id?: string;
}

/** What happened to a new contact. */
export type RouteOutcome =
  | { kind: 'offered'; contactId: string; agentId: string; offerId: string }
  | { kind: 'queued'; contactId: string; queueId: string; noEligibleAgent: boolean }
  | { kind: 'rejected'; reason: 'unknown_queue' | 'unknown_skill'; detail: string };

/** The engine's bookkeeping of a contact that has not closed yet. */
export interface LiveContact extends ContactSlot {
  offer: { offerId: string; agentId: string } | null;
  agentId: string | null;
  personalAgentId: string | null;
}

export interface LiveContactView {
  id: string;
  state: 'queued' | 'offered' | 'connected' | 'wrapUp' | 'completed' | 'abandoned';
  record: ContactRecord;
  priority: number;
  queueId: string;
  personalAgentId: string | null;
  offer: { offerId: string; agentId: string } | null;
  agentId: string | null;
}

export interface CustomerProfile {
  customer: Customer;
  /** Closed contacts of this customer, newest first. */
  history: ContactRecord[];
}

export interface AgentStatus {
  agentId: string;
  name: string;
  skills: Readonly<Record<string, number>>;
  presence: 'loggedOut' | 'ready' | 'notReady';
  state: AgentState;
  stateSince: number;
  reason: string | null;
  pending: { state: string } | null;
  offers: string[];
  active: string[];
  wrapUps: string[];
  missedOffers: number;
  handled: number;
  capacity: number;
  queues: string[];
  personalQueue: string[];
}

/** An agent's display state, presence and since when. */
export interface AgentSince {
  state: AgentState;
  presence: 'loggedOut' | 'ready' | 'notReady';
  at: number;
}

export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
