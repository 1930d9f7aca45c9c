/** A store that keeps everything in memory: for tests and the simulator. */
import type { CenterConfig } from '../config.js';
import type { ContactRecord } from '../records.js';
import type { IntervalRow } from '../stats/index.js';
import type {
  ContactQuery,
  Customer,
  CustomerInput,
  NewUser,
  Session,
  Store,
  User,
} from './store.js';
import { matches } from './query.js';

export class MemoryStore implements Store {
  private config: CenterConfig | null = null;
  private readonly customers = new Map<string, Customer>();
  private readonly contacts = new Map<string, ContactRecord>();
  private readonly intervalRows = new Map<string, IntervalRow>();
  private readonly users = new Map<string, User>();
  private readonly sessions = new Map<string, Session>();

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
    return this.customers.get(id) ?? null;
  }

  saveContact(record: ContactRecord): void {
    this.contacts.set(record.id, record);
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
    const user: User = { ...input, id: `u${this.users.size + 1}`, createdAt: this.now() };
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

  close(): void {}
}
