/**
 * The store on Redis, write-behind. `open` loads the center's data into
 * memory; reads are then answered from memory, synchronously, as the
 * single-threaded engine needs; every write changes memory at once and is
 * queued to Redis through the center's FencedWriter, in order with the
 * journal and events. `flush()` resolves when all queued writes are
 * acknowledged. Only the engine holding the center's lease may open a
 * store to write; other processes read the keys directly (center-keys.ts).
 */
import type { IntervalRowStore } from '../center-stats.js';
import type { CenterConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { ContactRecord } from '../records.js';
import { rowKey, type IntervalRow } from '../stats/intervalRow.js';
import { matches } from '../store/query.js';
import type { ContactQuery, Customer, CustomerInput, NewUser, Session, Store, User } from '../store/store.js';
import { centerKeys, type CenterKeys } from './center-keys.js';
import { FencedWriter, type WriteOp } from './fenced-writer.js';
import { resolveTarget, type RedisConnection, type RedisTarget } from './redis-connection.js';
import { loadStoreSnapshot } from './store-snapshot.js';

export type RedisStoreOptions = RedisTarget & {
  /** The center's key prefix, e.g. `sb:{main}:`. */
  prefix: string;
  /**
   * The center's writer, shared with the journal and the event stream so
   * that all three reach Redis in one order. Without one the store makes
   * its own, unfenced.
   */
  writer?: FencedWriter;
  /** Stamps `createdAt`, and drops sessions already expired on load. */
  now?: () => number;
  logger?: Logger;
};

export class RedisStore implements Store, IntervalRowStore {
  readonly writer: FencedWriter;
  private readonly keys: CenterKeys;
  private readonly now: () => number;
  private config: CenterConfig | null = null;
  private readonly customers = new Map<string, Customer>();
  private readonly byEmail = new Map<string, string>();
  private readonly byPhone = new Map<string, string>();
  /** Kept as JSON too, so re-saving an unchanged record (replay) writes nothing. */
  private readonly contacts = new Map<string, { record: ContactRecord; json: string; ordinal: number }>();
  private readonly users = new Map<string, User>();
  private readonly usernames = new Map<string, string>();
  private readonly sessions = new Map<string, Session>();
  private readonly rows = new Map<string, unknown>();
  private nextOrdinal = 1;

  private constructor(
    private readonly client: RedisConnection,
    private readonly ownsClient: boolean,
    private readonly ownsWriter: boolean,
    options: RedisStoreOptions,
  ) {
    this.keys = centerKeys(options.prefix);
    this.now = options.now ?? (() => Date.now());
    this.writer =
      options.writer ??
      new FencedWriter({ client, fenceKey: this.keys.fence, token: null, logger: options.logger });
  }

  static async open(options: RedisStoreOptions): Promise<RedisStore> {
    const { client, owned } = await resolveTarget(options, { logger: options.logger, name: 'redis-store' });
    const store = new RedisStore(client, owned, !options.writer, options);
    const snapshot = await loadStoreSnapshot(client, store.keys, store.now());
    store.config = snapshot.config;
    for (const c of snapshot.customers) store.remember(c);
    for (const { record, ordinal } of snapshot.contacts) {
      store.contacts.set(record.id, { record, json: JSON.stringify(record), ordinal });
      store.nextOrdinal = Math.max(store.nextOrdinal, ordinal + 1);
    }
    for (const u of snapshot.users) {
      store.users.set(u.id, u);
      store.usernames.set(u.username.toLowerCase(), u.id);
    }
    for (const s of snapshot.sessions) store.sessions.set(s.tokenHash, s);
    for (const row of snapshot.intervalRows) store.rows.set(keyOfRow(row), row);
    return store;
  }

  /** Resolves when every write made so far is acknowledged by Redis. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  loadConfig(): CenterConfig | null {
    return this.config;
  }

  saveConfig(config: CenterConfig): void {
    const json = JSON.stringify(config);
    if (this.config !== null && JSON.stringify(this.config) === json) return;
    this.config = config;
    this.write({ command: 'SET', key: this.keys.config, args: [json] });
  }

  upsertCustomer(input: CustomerInput): Customer {
    const foundId = (input.email && this.byEmail.get(input.email)) || (input.phone && this.byPhone.get(input.phone)) || null;
    const found = foundId ? this.customers.get(foundId) : undefined;
    const customer: Customer = {
      // Sequential like the other stores; customers are never deleted.
      id: found?.id ?? `cu${this.customers.size + 1}`,
      name: input.name ?? found?.name ?? null,
      email: input.email ?? found?.email ?? null,
      phone: input.phone ?? found?.phone ?? null,
      notes: input.notes ?? found?.notes ?? null,
      createdAt: found?.createdAt ?? this.now(),
    };
    this.remember(customer, found);
    this.write({ command: 'HSET', key: this.keys.customers, args: [customer.id, JSON.stringify(customer)] });
    return customer;
  }

  getCustomer(id: string): Customer | null {
    return this.customers.get(id) ?? null;
  }

  saveContact(record: ContactRecord): void {
    const json = JSON.stringify(record);
    const before = this.contacts.get(record.id);
    if (before?.json === json) return;
    const ordinal = before?.ordinal ?? this.nextOrdinal++;
    this.contacts.set(record.id, { record, json, ordinal });

    const ops: WriteOp[] = [
      { command: 'HSET', key: this.keys.contacts, args: [record.id, json] },
      { command: 'ZADD', key: this.keys.contactsQueued, args: [record.queuedAt, record.id] },
    ];
    if (!before) ops.push({ command: 'HSET', key: this.keys.contactsOrder, args: [record.id, ordinal] });
    const oldCustomer = before?.record.customerId ?? null;
    if (oldCustomer !== null && oldCustomer !== record.customerId) {
      ops.push({ command: 'ZREM', key: this.keys.customerContacts(oldCustomer), args: [record.id] });
    }
    if (record.customerId !== null) {
      ops.push({ command: 'ZADD', key: this.keys.customerContacts(record.customerId), args: [record.queuedAt, record.id] });
    }
    this.write(...ops);
  }

  getContact(id: string): ContactRecord | null {
    return this.contacts.get(id)?.record ?? null;
  }

  listContacts(query: ContactQuery): ContactRecord[] {
    const rows = [...this.contacts.values()].filter((c) => matches(c.record, query));
    rows.sort((a, b) => a.record.queuedAt - b.record.queuedAt || a.ordinal - b.ordinal);
    return rows.slice(0, query.limit ?? rows.length).map((c) => c.record);
  }

  createUser(input: NewUser): User {
    const name = input.username.toLowerCase();
    if (this.usernames.has(name)) throw new Error(`username ${input.username} is taken`);
    const user: User = { ...input, id: `u${this.users.size + 1}`, createdAt: this.now() };
    this.users.set(user.id, user);
    this.usernames.set(name, user.id);
    this.write(
      { command: 'HSET', key: this.keys.users, args: [user.id, JSON.stringify(user)] },
      { command: 'HSET', key: this.keys.usernames, args: [name, user.id] },
    );
    return user;
  }

  getUser(id: string): User | null {
    return this.users.get(id) ?? null;
  }

  findUserByUsername(username: string): User | null {
    const id = this.usernames.get(username.toLowerCase());
    return id === undefined ? null : (this.users.get(id) ?? null);
  }

  listUsers(): User[] {
    return [...this.users.values()];
  }

  saveSession(session: Session): void {
    this.sessions.set(session.tokenHash, session);
    this.write(
      // PXAT: Redis drops the session itself when it expires (server clock).
      { command: 'SET', key: this.keys.session(session.tokenHash), args: [JSON.stringify(session), 'PXAT', session.expiresAt] },
      { command: 'ZADD', key: this.keys.sessions, args: [session.expiresAt, session.tokenHash] },
    );
  }

  getSession(tokenHash: string): Session | null {
    return this.sessions.get(tokenHash) ?? null;
  }

  deleteSession(tokenHash: string): void {
    this.sessions.delete(tokenHash);
    this.write(...this.forget(tokenHash));
  }

  deleteExpiredSessions(now: number): number {
    const ops: WriteOp[] = [];
    let removed = 0;
    for (const [hash, session] of this.sessions) {
      if (session.expiresAt > now) continue;
      this.sessions.delete(hash);
      ops.push(...this.forget(hash));
      removed += 1;
    }
    this.write(...ops);
    return removed;
  }

  loadIntervalRows(): unknown[] {
    return [...this.rows.values()];
  }

  saveIntervalRows(rows: IntervalRow[]): void {
    const ops: WriteOp[] = [];
    for (const row of rows) {
      const key = rowKey(row.intervalStart, row.queueId, row.agentId);
      this.rows.set(key, row);
      ops.push({ command: 'HSET', key: this.keys.intervalRows, args: [key, JSON.stringify(row)] });
    }
    this.write(...ops);
  }

  /**
   * Stops using Redis. Writes already queued still go out (await `flush()`
   * first to know they landed); a client or writer this store opened
   * itself is closed after them.
   */
  close(): void {
    if (!this.ownsWriter && !this.ownsClient) return;
    const done = this.ownsWriter ? this.writer.close() : Promise.resolve();
    void done
      .catch(() => {}) // the writer already reported why it stopped
      .finally(() => (this.ownsClient ? void this.client.close().catch(() => {}) : undefined));
  }

  private write(...ops: WriteOp[]): void {
    this.writer.write(...ops);
  }

  private remember(customer: Customer, previous?: Customer): void {
    this.customers.set(customer.id, customer);
    if (previous?.email && this.byEmail.get(previous.email) === customer.id) this.byEmail.delete(previous.email);
    if (previous?.phone && this.byPhone.get(previous.phone) === customer.id) this.byPhone.delete(previous.phone);
    // The earliest customer with an email or phone keeps it, as in SQL.
    if (customer.email !== null && !this.byEmail.has(customer.email)) this.byEmail.set(customer.email, customer.id);
    if (customer.phone !== null && !this.byPhone.has(customer.phone)) this.byPhone.set(customer.phone, customer.id);
  }

  private forget(tokenHash: string): WriteOp[] {
    return [
      { command: 'DEL', key: this.keys.session(tokenHash), args: [] },
      { command: 'ZREM', key: this.keys.sessions, args: [tokenHash] },
    ];
  }
}

function keyOfRow(row: unknown): string {
  // Rows are validated by the IntervalAggregator that loads them; the key
  // only needs the three identifying fields.
  const r = row as Partial<IntervalRow>;
  return rowKey(r.intervalStart ?? 0, r.queueId ?? null, r.agentId ?? null);
}
