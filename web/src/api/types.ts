/**
 * The API's shapes as the pages see them. They mirror the server's zod
 * schemas (engine/http/views, engine/events.ts, engine/stats) by hand,
 * because the pages may not import engine code into the browser bundle;
 * when a route changes, this file and `api.ts` are the ones to touch.
 */

export type Role = 'agent' | 'supervisor' | 'admin';
export type Channel = 'chat' | 'voice' | 'callback';

export const agentStates = ['loggedOut', 'ready', 'notReady', 'ringing', 'busy', 'wrapUp'] as const;
export type AgentState = (typeof agentStates)[number];
export type Presence = 'loggedOut' | 'ready' | 'notReady';

export type ContactState =
  'queued' | 'offered' | 'connected' | 'wrapUp' | 'completed' | 'abandoned';

/** An RFC 9457 problem document, as every error response carries. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail: string;
  code: string;
  issues?: { path: string; code: string; message: string }[];
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The engine agent an agent user acts as; null for other roles. */
  agentId: string | null;
}

export interface LoginResponse {
  token: string;
  expiresAt: number;
  user: SessionUser;
}

export interface Whoami {
  kind: 'user' | 'customer';
  user: SessionUser | null;
  contactId: string | null;
}

export interface Customer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  createdAt: number;
}

/** A finished contact: what history lists. */
export interface ContactRecord {
  id: string;
  channel: Channel;
  firstQueueId: string;
  queueId: string;
  customerId: string | null;
  priority: number;
  topic: string | null;
  createdAt: number;
  queuedAt: number;
  answeredAt: number | null;
  agentId: string | null;
  endedAt: number | null;
  abandonedAt: number | null;
  callbackRequestedAt: number | null;
  disposition: string | null;
  outcome: 'completed' | 'abandoned' | null;
}

export interface ContactView {
  contactId: string;
  state: ContactState;
  channel: Channel;
  queueId: string;
  priority: number;
  /** 0-based place in line; null unless waiting. */
  position: number | null;
  estimatedWaitSec: number | null;
  agentId: string | null;
  offeredTo: string | null;
  personalAgentId: string | null;
  customerId: string | null;
  topic: string | null;
  language: string | null;
  createdAt: number;
  queuedAt: number;
  callbackRequested: boolean;
}

export interface ContactDetail extends ContactView {
  customer: Customer | null;
  history?: ContactRecord[];
}

export interface AgentView {
  agentId: string;
  name: string;
  skills: Record<string, number>;
  capacity: number;
  queues: string[];
  presence: Presence;
  state: AgentState;
  stateSince: number;
  timeInStateSec: number;
  reason: string | null;
  pendingPresence: string | null;
  handled: number;
  missedOffers: number;
  workload: {
    offers: ContactDetail[];
    active: ContactDetail[];
    wrapUps: ContactDetail[];
    personalQueue: ContactDetail[];
  };
}

export interface QueueView {
  queueId: string;
  name: string | null;
  strategy: string;
  priority: number;
  waiting: number;
  longestWaitSec: number | null;
  agentsLoggedIn: number;
  agentsReady: number;
  averageHandleSec: number;
}

export interface NewContactRequest {
  channel: Channel;
  topic?: string;
  queueId?: string;
  language?: string;
  customer: { name: string; email?: string; phone?: string };
}

export interface NewContactResponse {
  contactId: string;
  /** Shown once: present it as a bearer token, or `?token=` on the socket. */
  token: string;
  tokenExpiresAt: number;
  state: ContactState;
  position: number | null;
  estimatedWaitSec: number | null;
}

export type * from './liveTypes';
export type * from './conversationTypes';
export type * from './statsTypes';
