/**
 * The store on Redis, write-behind. `open` loads the center's data into
 * memory; reads are then answered from memory, synchronously, as the
 * single-threaded engine needs; every write changes memory at once and is
 * queued to Redis through the center's FencedWriter, in order with the
 * journal and events. `flush()` resolves when all queued writes are
 * acknowledged. Only the engine holding the center's lease may open a
 * store to write; other processes read the keys directly (center-keys.ts).
 * Customers live in redis-customers.ts, users and sessions in
 * redis-users.ts, the audit log in redis-audit-log.ts, conversations in
 * redis-conversations.ts.
 */
import type { IntervalRowStore } from '../center-stats.js';
import type { CenterConfig } from '../config.js';
import type { Logger } from '../logger.js';
import type { ContactRecord } from '../records.js';
import { rowKey, type IntervalRow } from '../stats/intervalRow.js';
import { matches } from '../store/query.js';
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
} from '../store/store.js';
import { centerKeys, type CenterKeys } from './center-keys.js';
import { FencedWriter, type WriteOp } from './fenced-writer.js';
import { RedisAuditLog } from './redis-audit-log.js';
import { resolveTarget, type RedisConnection, type RedisTarget } from './redis-connection.js';
import { RedisConversations } from './redis-conversations.js';
import { RedisCustomers } from './redis-customers.js';
import { RedisUsers } from './redis-users.js';
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

export class RedisStore implements Store, AdminStore, WithConversations, IntervalRowStore {
  readonly writer: FencedWriter;
  private readonly keys: CenterKeys;
  private readonly now: () => number;
  private config: CenterConfig | null = null;
  /** Kept as JSON too, so re-saving an unchanged record (replay) writes nothing. */
  private readonly contacts = new Map<
    string,
    { record: ContactRecord; json: string; ordinal: number }
  >();
  private readonly rows = new Map<string, unknown>();
  private nextOrdinal = 1;
  // Set by `open` before the store is handed out.
  private customers!: RedisCustomers;
  private users!: RedisUsers;
  private audit!: RedisAuditLog;
  private conversationStore!: RedisConversations;

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
    const { client, owned } = await resolveTarget(options, {
      logger: options.logger,
      name: 'redis-store',
    });
    const store = new RedisStore(client, owned, !options.writer, options);
    await store.reload();
    return store;
  }

  /**
   * Reads everything from Redis again, forgetting what memory held. A
   * standby that followed the journal does this when it takes over: the
   * active engine also stored what no journal entry says (sign-ins, users,
   * chat, the audit log).
   */
  async reload(): Promise<void> {
    const snapshot = await loadStoreSnapshot(this.client, this.keys, this.now());
    this.config = snapshot.config;
    this.customers = new RedisCustomers(this.writer, this.keys, this.now, snapshot);
    this.contacts.clear();
    this.nextOrdinal = 1;
    for (const { record, ordinal } of snapshot.contacts) {
      this.contacts.set(record.id, { record, json: JSON.stringify(record), ordinal });
      this.nextOrdinal = Math.max(this.nextOrdinal, ordinal + 1);
    }
    this.users = new RedisUsers(this.writer, this.keys, this.now, snapshot);
    this.audit = await RedisAuditLog.open(this.client, this.keys.audit, this.writer);
    this.conversationStore = await RedisConversations.open(this.client, this.keys, this.writer);
    this.rows.clear();
    for (const row of snapshot.intervalRows) this.rows.set(keyOfRow(row), row);
  }

  /** Chat transcripts, call media and callback attempts, on the same writer. */
  get conversations(): RedisConversations {
    return this.conversationStore;
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
    return this.customers.upsert(input);
  }

  getCustomer(id: string): Customer | null {
    return this.customers.get(id);
  }

  saveContact(saved: ContactRecord): void {
    // A record of an erased customer (still open then, or replayed) is stripped too.
    const record = this.customers.isErased(saved.customerId) ? forgetCustomer(saved) : saved;
    const json = JSON.stringify(record);
    const before = this.contacts.get(record.id);
    if (before?.json === json) return;
    const ordinal = before?.ordinal ?? this.nextOrdinal++;
    this.contacts.set(record.id, { record, json, ordinal });

    const ops: WriteOp[] = [
      { command: 'HSET', key: this.keys.contacts, args: [record.id, json] },
      { command: 'ZADD', key: this.keys.contactsQueued, args: [record.queuedAt, record.id] },
    ];
    if (!before)
      ops.push({ command: 'HSET', key: this.keys.contactsOrder, args: [record.id, ordinal] });
    const oldCustomer = before?.record.customerId ?? null;
    if (oldCustomer !== null && oldCustomer !== record.customerId) {
      ops.push({
        command: 'ZREM',
        key: this.keys.customerContacts(oldCustomer),
        args: [record.id],
      });
    }
    if (record.customerId !== null) {
      ops.push({
        command: 'ZADD',
        key: this.keys.customerContacts(record.customerId),
        args: [record.queuedAt, record.id],
      });
    }
    this.write(...ops);
  }

  getContact(id: string): ContactRecord | null {
    return this.contacts.get(id)?.record ?? null;
  }

  listContacts(query: ContactQuery): ContactRecord[] {
    const rows = [...this.contacts.values()].filter((c) => matches(c.record, query));
    rows.sort((a, b) => a.record.queuedAt - b.record.queuedAt || a.ordinal - b.ordinal);
    if (query.newestFirst) rows.reverse();
    return rows.slice(0, query.limit ?? rows.length).map((c) => c.record);
  }

  createUser(input: NewUser): User {
    return this.users.create(input);
  }

  getUser(id: string): User | null {
    return this.users.get(id);
  }

  findUserByUsername(username: string): User | null {
    return this.users.findByUsername(username);
  }

  listUsers(): User[] {
    return this.users.list();
  }

  saveSession(session: Session): void {
    this.users.saveSession(session);
  }

  getSession(tokenHash: string): Session | null {
    return this.users.getSession(tokenHash);
  }

  deleteSession(tokenHash: string): void {
    this.users.deleteSession(tokenHash);
  }

  deleteExpiredSessions(now: number): number {
    return this.users.deleteSessionsWhere((s) => s.expiresAt <= now);
  }

  appendAudit(entry: NewAuditEntry): AuditEntry {
    return this.audit.append(entry);
  }

  listAudit(query: AuditQuery): AuditEntry[] {
    return this.audit.list(query);
  }

  deleteUser(id: string): boolean {
    return this.users.delete(id);
  }

  deleteSessionsOfUser(userId: string): number {
    return this.users.deleteSessionsWhere((s) => s.userId === userId);
  }

  eraseCustomer(id: string, at: number): number | null {
    if (!this.customers.erase(id, at)) return null;

    const records = [...this.contacts.values()]
      .map((c) => c.record)
      .filter((r) => r.customerId === id);
    this.conversations.forgetContacts(records.map((r) => r.id));
    // saveContact strips them now that the customer is marked erased.
    for (const record of records) this.saveContact(record);
    this.write({ command: 'DEL', key: this.keys.customerContacts(id), args: [] });
    return records.length;
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
}

function keyOfRow(row: unknown): string {
  // Rows are validated by the IntervalAggregator that loads them; the key
  // only needs the three identifying fields.
  const r = row as Partial<IntervalRow>;
  return rowKey(r.intervalStart ?? 0, r.queueId ?? null, r.agentId ?? null);
}
