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
