/**
 * What the engine persists, behind one small interface: configuration,
 * customers, finished contact records, and the users and sessions the API
 * signs in. SQLite is the embedded default; a memory store serves tests
 * and the simulator.
 */
import { z } from 'zod';
import type { CenterConfig } from '../config.js';
import type { ContactRecord } from '../records.js';
import type { IntervalRow } from '../stats/index.js';
import type { ConversationStore } from '../chat/conversation-store.js';

export type { ConversationStore };

export const CustomerInput = z.object({
  name: z.string().min(1).max(200).optional(),
  email: z.string().email().max(320).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{3,32}$/)
    .optional(),
  notes: z.string().max(4000).optional(),
});
export type CustomerInput = z.infer<typeof CustomerInput>;

export interface Customer {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  createdAt: number;
}

export interface ContactQuery {
  customerId?: string;
  agentId?: string;
  queueId?: string;
  /** Queue entry at or after, epoch ms. */
  from?: number;
  /** Queue entry before, epoch ms. */
  to?: number;
  limit?: number;
  /** Latest queue entry first (history views); default oldest first. */
  newestFirst?: boolean;
}

export const roles = ['agent', 'supervisor', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

/** Someone who signs in to the API: an agent, a supervisor or an admin. */
export interface User {
  id: string;
  /** Unique, compared without regard to case. */
  username: string;
  displayName: string;
  role: Role;
  /** The engine agent an agent user acts as; null for other roles. */
  agentId: string | null;
  /** A self-describing hash (argon2id PHC string); never the password. */
  passwordHash: string;
  createdAt: number;
}

export type NewUser = Omit<User, 'id' | 'createdAt'>;

/**
 * A bearer credential. Only the SHA-256 of the token is kept, so a copy of
 * the database cannot be replayed as a login. A session belongs either to
 * a user or, for a customer, to the one contact it was issued with.
 */
export interface Session {
  tokenHash: string;
  userId: string | null;
  contactId: string | null;
  createdAt: number;
  expiresAt: number;
}

/** What an admin or supervisor did that the audit log keeps. */
export const auditActions = [
  'contact.position',
  'contact.priority',
  'contact.queue',
  'contact.assign',
  'contact.transfer',
  'records.export',
  'user.create',
  'user.delete',
  'user.sessions_revoke',
  'customer.export',
  'customer.erase',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** One audited action: who, when, what, and on what. */
export interface AuditEntry {
  /** 1, 2, 3... in the order recorded. */
  id: number;
  at: number;
  actorId: string;
  /** The actor's username when it acted; kept if the user is deleted later. */
  actorName: string;
  actorRole: Role;
  action: AuditAction;
  /** The contact, user or customer acted on. */
  target: string;
  /** The action's parameters: ids, names of staff, numbers; never customers' data or secrets. */
  details: Record<string, string | number | boolean | null>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export interface AuditQuery {
  /** At or after, epoch ms. */
  from?: number;
  /** Before, epoch ms. */
  to?: number;
  limit?: number;
}

/**
 * What the API's administration needs beyond `Store`: the audit log,
 * removing users and their sessions, and forgetting a customer. Kept apart
 * so that the engine's store contract stays small.
 */
export interface AdminStore {
  appendAudit(entry: NewAuditEntry): AuditEntry;
  /** Newest first. */
  listAudit(query: AuditQuery): AuditEntry[];
  /** Removes a user and every session of it; false if unknown. Ids are never handed out again. */
  deleteUser(id: string): boolean;
  /** Ends every session of a user; returns how many. */
  deleteSessionsOfUser(userId: string): number;
  /**
   * Forgets a customer: the profile is emptied and `getCustomer` no longer
   * finds it; its contact records keep every time (statistics) but lose the
   * customer link and the free text (disposition), and so do records saved
   * for it later (a contact still open, or a journal replay). Returns how
   * many records were changed, or null for an unknown or erased customer.
   */
  eraseCustomer(id: string, at: number): number | null;
}

/**
 * A record with its customer forgotten: no link and no free text an agent
 * wrote about them; every time and outcome kept, so statistics stay exact.
 */
export function forgetCustomer(record: ContactRecord): ContactRecord {
  return { ...record, customerId: null, disposition: null };
}

/** A store that also keeps conversations (transcripts, call media, callbacks). */
export interface WithConversations {
  readonly conversations: ConversationStore;
}

export interface Store {
  loadConfig(): CenterConfig | null;
  saveConfig(config: CenterConfig): void;
  /** Finds a customer by email, else phone, else creates one. */
  upsertCustomer(input: CustomerInput): Customer;
  getCustomer(id: string): Customer | null;
  saveContact(record: ContactRecord): void;
  getContact(id: string): ContactRecord | null;
  /** Records in queue-entry order. */
  listContacts(query: ContactQuery): ContactRecord[];
  /** Statistics interval rows saved earlier (engine/stats IntervalRow). */
  loadIntervalRows(): unknown[];
  /** Inserts or replaces rows by (interval, queue, agent). */
  saveIntervalRows(rows: IntervalRow[]): void;
  /** Throws if the username is taken (case-insensitively). */
  createUser(user: NewUser): User;
  getUser(id: string): User | null;
  findUserByUsername(username: string): User | null;
  listUsers(): User[];
  saveSession(session: Session): void;
  getSession(tokenHash: string): Session | null;
  deleteSession(tokenHash: string): void;
  /** Removes sessions that expired at or before `now`; returns how many. */
  deleteExpiredSessions(now: number): number;
  close(): void;
}
