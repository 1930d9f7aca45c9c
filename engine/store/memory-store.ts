/** A store that keeps everything in memory: for tests and the simulator. */
import type { CenterConfig } from '../config.js';
import type { ContactRecord } from '../records.js';
import type { IntervalRow } from '../stats/index.js';
import {
  forgetCustomer,
  type AdminStore,
  type AuditEntry,
  type AuditQuery,
  type ContactQuery,
  type Customer,
  type CustomerInput,
  type NewAuditEntry,
  type NewUser,
  type Session,
  type Store,
  type User,
  type WithConversations,
} from './store.js';
import { MemoryConversations } from './memory-conversations.js';
import { matches } from './query.js';

export class MemoryStore implements Store, AdminStore, WithConversations {
  private config: CenterConfig | null = null;
  private readonly customers = new Map<string, Customer>();
  /** Erased customers and when; their rows stay, emptied, so ids are never reused. */
  private readonly erased = new Map<string, number>();
  private readonly contacts = new Map<string, ContactRecord>();
  private readonly intervalRows = new Map<string, IntervalRow>();
  private readonly users = new Map<string, User>();
  private readonly sessions = new Map<string, Session>();
  private readonly audit: AuditEntry[] = [];
  readonly conversations = new MemoryConversations();
  /** Ids count up and are never reused, even after a user is deleted. */
  private usersCreated = 0;

  constructor(private readonly now: () => number = () => 0) {}

  loadConfig(): CenterConfig | null {
    return this.config;
  }

  saveConfig(config: CenterConfig): void {
    this.config = config;
  }

  upsertCustomer(input: CustomerInput): Customer {
    const found = [...this.customers.values()].find(
      (c) => (input.email && c.email === input.email) || (input.phone && c.phone === input.phone),
    );
    const customer: Customer = {
      id: found?.id ?? `cu${this.customers.size + 1}`,
      name: input.name ?? found?.name ?? null,
      email: input.email ?? found?.email ?? null,
      phone: input.phone ?? found?.phone ?? null,
      notes: input.notes ?? found?.notes ?? null,
      createdAt: found?.createdAt ?? this.now(),
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  getCustomer(id: string): Customer | null {
    return this.erased.has(id) ? null : (this.customers.get(id) ?? null);
  }

  saveContact(record: ContactRecord): void {
    const erased = record.customerId !== null && this.erased.has(record.customerId);
    this.contacts.set(record.id, erased ? forgetCustomer(record) : record);
  }

  getContact(id: string): ContactRecord | null {
    return this.contacts.get(id) ?? null;
  }

  listContacts(query: ContactQuery): ContactRecord[] {
    const rows = [...this.contacts.values()].filter((r) => matches(r, query));
    rows.sort((a, b) => a.queuedAt - b.queuedAt);
    if (query.newestFirst) rows.reverse();
    return rows.slice(0, query.limit ?? rows.length);
  }

  loadIntervalRows(): unknown[] {
    return [...this.intervalRows.values()];
  }

  saveIntervalRows(rows: IntervalRow[]): void {
    for (const row of rows) {
      this.intervalRows.set(JSON.stringify([row.intervalStart, row.queueId, row.agentId]), row);
    }
  }

  createUser(input: NewUser): User {
    if (this.findUserByUsername(input.username)) {
      throw new Error(`username ${input.username} is taken`);
    }
    this.usersCreated += 1;
    const user: User = { ...input, id: `u${this.usersCreated}`, createdAt: this.now() };
    this.users.set(user.id, user);
    return user;
  }

  getUser(id: string): User | null {
    return this.users.get(id) ?? null;
  }

  findUserByUsername(username: string): User | null {
    const wanted = username.toLowerCase();
    return [...this.users.values()].find((u) => u.username.toLowerCase() === wanted) ?? null;
  }

  listUsers(): User[] {
    return [...this.users.values()];
  }

  saveSession(session: Session): void {
    this.sessions.set(session.tokenHash, session);
  }

  getSession(tokenHash: string): Session | null {
    return this.sessions.get(tokenHash) ?? null;
  }

  deleteSession(tokenHash: string): void {
    this.sessions.delete(tokenHash);
  }

  deleteExpiredSessions(now: number): number {
    let removed = 0;
    for (const [hash, session] of this.sessions) {
      if (session.expiresAt <= now) {
        this.sessions.delete(hash);
        removed += 1;
      }
    }
    return removed;
  }

  appendAudit(entry: NewAuditEntry): AuditEntry {
    const saved = { ...entry, id: this.audit.length + 1 };
    this.audit.push(saved);
    return saved;
  }

  listAudit(query: AuditQuery): AuditEntry[] {
    const rows = this.audit.filter(
      (e) =>
        (query.from === undefined || e.at >= query.from) &&
        (query.to === undefined || e.at < query.to),
    );
    rows.reverse();
    return rows.slice(0, query.limit ?? rows.length);
  }

  deleteUser(id: string): boolean {
    if (!this.users.delete(id)) return false;
    this.deleteSessionsOfUser(id);
    return true;
  }

  deleteSessionsOfUser(userId: string): number {
    let removed = 0;
    for (const [hash, session] of this.sessions) {
      if (session.userId === userId) {
        this.sessions.delete(hash);
        removed += 1;
      }
    }
    return removed;
  }

  eraseCustomer(id: string, at: number): number | null {
    const customer = this.customers.get(id);
    if (!customer || this.erased.has(id)) return null;

    this.erased.set(id, at);
    this.customers.set(id, { ...customer, name: null, email: null, phone: null, notes: null });
    let changed = 0;
    for (const record of this.contacts.values()) {
      if (record.customerId !== id) continue;
      this.conversations.forgetContacts([record.id]);
      this.contacts.set(record.id, forgetCustomer(record));
      changed += 1;
    }
    return changed;
  }

  /** Everything held, as plain data: tests compare it before and after a call. */
  snapshot(): unknown {
    return {
      customers: [...this.customers.values()],
      erased: [...this.erased],
      contacts: [...this.contacts.values()],
      users: [...this.users.values()],
      sessions: [...this.sessions.values()],
      audit: this.audit,
    };
  }

  close(): void {}
}
