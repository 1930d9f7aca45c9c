/**
 * The embedded store: one SQLite file (WAL mode) holding the configuration,
 * customers, finished contact records, users, sessions and the audit log.
 * The schema is created on open and versioned with `PRAGMA user_version`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { wallClock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { CenterConfig } from '../config.js';
import type { ContactRecord } from '../records.js';
import type { IntervalRow } from '../stats/index.js';
import { SqliteConnection } from './sqlite-connection.js';
import { SqliteConversations } from './sqlite-conversations.js';
import { SqliteJournal } from './sqlite-journal.js';
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
import { migrations } from './sqlite-migrations.js';

export { migrations };

export const defaultDatabasePath = './data/switchboard.db';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:'; its folder is created if missing. */
  path?: string;
  /** Stamps `createdAt` on customers and users; default the wall clock. */
  now?: () => number;
  /** Where a failed commit is reported. */
  logger?: Logger;
}

const customerColumns = 'id, name, email, phone, notes, created_at AS createdAt';
const userColumns =
  'id, username, display_name AS displayName, role, agent_id AS agentId, password_hash AS passwordHash, created_at AS createdAt';
const auditColumns =
  'id, at, actor_id AS actorId, actor_name AS actorName, actor_role AS actorRole, action, target, details';
const sessionColumns =
  'token_hash AS tokenHash, user_id AS userId, contact_id AS contactId, created_at AS createdAt, expires_at AS expiresAt';

export class SqliteStore implements Store, AdminStore, WithConversations {
  readonly path: string;
  private readonly conn: SqliteConnection;
  private readonly db: Database.Database;
  private readonly now: () => number;
  readonly conversations: SqliteConversations;

  constructor(options: SqliteStoreOptions = {}) {
    this.path = options.path ?? defaultDatabasePath;
    this.now = options.now ?? wallClock.now;
    if (this.path !== ':memory:') mkdirSync(dirname(this.path), { recursive: true });
    this.conn = new SqliteConnection(this.path, options.logger);
    this.db = this.conn.db;
    this.migrate();
    this.conversations = new SqliteConversations(this.conn);
  }

  /** The command journal, in this file and on this connection, so a step commits once. */
  journal(): SqliteJournal {
    return new SqliteJournal(this.conn);
  }

  /** Commits the writes of this turn now (they commit on the next microtask anyway). */
  flush(): Promise<void> {
    return this.conn.flush();
  }

  /** The schema version the file is at. */
  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  loadConfig(): CenterConfig | null {
    const row = this.statement('SELECT json FROM config WHERE id = 1').get() as
      { json: string } | undefined;
    // The store wrote this JSON from a parsed config; the center parses it again.
    return row ? (JSON.parse(row.json) as CenterConfig) : null;
  }

  saveConfig(config: CenterConfig): void {
    this.conn.write();
    this.statement(
      'INSERT INTO config (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json',
    ).run(JSON.stringify(config));
  }

  upsertCustomer(input: CustomerInput): Customer {
    this.conn.write();
    return this.db.transaction(() => {
      const found = this.findCustomer(input);
      const customer: Customer = {
        id: found?.id ?? this.nextId('cu', 'customers'),
        name: input.name ?? found?.name ?? null,
        email: input.email ?? found?.email ?? null,
        phone: input.phone ?? found?.phone ?? null,
        notes: input.notes ?? found?.notes ?? null,
        createdAt: found?.createdAt ?? this.now(),
      };
      this.statement(
        `INSERT INTO customers (id, name, email, phone, notes, created_at)
           VALUES (@id, @name, @email, @phone, @notes, @createdAt)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email,
             phone = excluded.phone, notes = excluded.notes`,
      ).run(customer);
      return customer;
    })();
  }

  getCustomer(id: string): Customer | null {
    const query = this.statement(
      `SELECT ${customerColumns} FROM customers WHERE id = ? AND erased_at IS NULL`,
    );
    return (query.get(id) as Customer | undefined) ?? null;
  }

  saveContact(saved: ContactRecord): void {
    this.conn.write();
    const record = this.isErased(saved.customerId) ? forgetCustomer(saved) : saved;
    const agents = new Set(record.offers.map((o) => o.agentId));
    this.db.transaction(() => {
      this.statement(
        `INSERT INTO contacts (id, customer_id, queue_id, first_queue_id, queued_at, first_agent_id, record)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET customer_id = excluded.customer_id, queue_id = excluded.queue_id,
             first_queue_id = excluded.first_queue_id, queued_at = excluded.queued_at,
             first_agent_id = excluded.first_agent_id, record = excluded.record`,
      ).run(
        record.id,
        record.customerId,
        record.queueId,
        record.firstQueueId,
        record.queuedAt,
        firstAgent(record),
        JSON.stringify(record),
      );
      this.statement('DELETE FROM contact_agents WHERE contact_id = ?').run(record.id);
      const link = this.statement(
        'INSERT INTO contact_agents (contact_id, agent_id) VALUES (?, ?)',
      );
      for (const agentId of agents) link.run(record.id, agentId);
    })();
  }

  getContact(id: string): ContactRecord | null {
    const row = this.statement('SELECT record FROM contacts WHERE id = ?').get(id) as
      { record: string } | undefined;
    return row ? toRecord(row.record) : null;
  }

  /** The same filters as `matches` in query.ts, answered from the indexes. */
  listContacts(query: ContactQuery): ContactRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.customerId !== undefined) {
      where.push('customer_id = ?');
      params.push(query.customerId);
    }
    if (query.agentId !== undefined) {
      where.push('id IN (SELECT contact_id FROM contact_agents WHERE agent_id = ?)');
      params.push(query.agentId);
    }
    if (query.queueId !== undefined) {
      where.push('(first_queue_id = ? OR queue_id = ?)');
      params.push(query.queueId, query.queueId);
    }
    if (query.from !== undefined) {
      where.push('queued_at >= ?');
      params.push(query.from);
    }
    if (query.to !== undefined) {
      where.push('queued_at < ?');
      params.push(query.to);
    }
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const limit = query.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(query.limit))}` : '';
    const order = query.newestFirst ? 'DESC' : 'ASC';
    const rows = this.statement(
      `SELECT record FROM contacts ${filter} ORDER BY queued_at ${order}, rowid ${order} ${limit}`,
    ).all(...params) as { record: string }[];
    return rows.map((r) => toRecord(r.record));
  }

  createUser(input: NewUser): User {
    this.conn.write();
    return this.db.transaction(() => {
      if (this.findUserByUsername(input.username)) {
        throw new Error(`username ${input.username} is taken`);
      }
      const n = this.nextNumber('users');
      const user: User = { ...input, id: `u${n}`, createdAt: this.now() };
      // The rowid is set to the id's number so that numbering survives deletes.
      this.statement(
        `INSERT INTO users (rowid, id, username, display_name, role, agent_id, password_hash, created_at)
           VALUES (@n, @id, @username, @displayName, @role, @agentId, @passwordHash, @createdAt)`,
      ).run({ ...user, n });
      return user;
    })();
  }

  getUser(id: string): User | null {
    return (
      (this.statement(`SELECT ${userColumns} FROM users WHERE id = ?`).get(id) as
        User | undefined) ?? null
    );
  }

  findUserByUsername(username: string): User | null {
    const query = this.statement(`SELECT ${userColumns} FROM users WHERE username = ?`);
    return (query.get(username) as User | undefined) ?? null;
  }

  listUsers(): User[] {
    return this.statement(`SELECT ${userColumns} FROM users ORDER BY rowid`).all() as User[];
  }

  saveSession(session: Session): void {
    this.conn.write();
    this.statement(
      `INSERT OR REPLACE INTO sessions (token_hash, user_id, contact_id, created_at, expires_at)
         VALUES (@tokenHash, @userId, @contactId, @createdAt, @expiresAt)`,
    ).run(session);
  }

  getSession(tokenHash: string): Session | null {
    const query = this.statement(`SELECT ${sessionColumns} FROM sessions WHERE token_hash = ?`);
    return (query.get(tokenHash) as Session | undefined) ?? null;
  }

  deleteSession(tokenHash: string): void {
    this.conn.write();
    this.statement('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  loadIntervalRows(): unknown[] {
    const rows = this.statement('SELECT row FROM interval_rows ORDER BY interval_start').all() as {
      row: string;
    }[];
    return rows.map((r) => JSON.parse(r.row) as unknown);
  }

  saveIntervalRows(rows: IntervalRow[]): void {
    this.conn.write();
    const upsert = this.statement(
      'INSERT OR REPLACE INTO interval_rows (interval_start, queue_id, agent_id, row) VALUES (?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const r of rows) {
        upsert.run(r.intervalStart, r.queueId ?? '', r.agentId ?? '', JSON.stringify(r));
      }
    })();
  }

  deleteExpiredSessions(now: number): number {
    this.conn.write();
    return this.statement('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
  }

  appendAudit(entry: NewAuditEntry): AuditEntry {
    this.conn.write();
    const { lastInsertRowid } = this.statement(
      `INSERT INTO audit_log (at, actor_id, actor_name, actor_role, action, target, details)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.at,
      entry.actorId,
      entry.actorName,
      entry.actorRole,
      entry.action,
      entry.target,
      JSON.stringify(entry.details),
    );
    return { ...entry, id: Number(lastInsertRowid) };
  }

  listAudit(query: AuditQuery): AuditEntry[] {
    const rows = this.statement(
      `SELECT ${auditColumns} FROM audit_log WHERE at >= ? AND at < ? ORDER BY id DESC LIMIT ?`,
    ).all(query.from ?? 0, query.to ?? Number.MAX_SAFE_INTEGER, query.limit ?? -1) as (Omit<
      AuditEntry,
      'details'
    > & { details: string })[];
    // Written by appendAudit from a typed entry.
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as AuditEntry['details'] }));
  }

  deleteUser(id: string): boolean {
    this.conn.write();
    return this.db.transaction(() => {
      const row = this.statement('SELECT rowid AS n FROM users WHERE id = ?').get(id) as
        { n: number } | undefined;
      if (!row) return false;
      // Sessions go with the user (ON DELETE CASCADE).
      this.statement('DELETE FROM users WHERE id = ?').run(id);
      this.statement(
        `INSERT INTO retired_ids (tbl, last) VALUES ('users', ?)
           ON CONFLICT (tbl) DO UPDATE SET last = MAX(last, excluded.last)`,
      ).run(row.n);
      return true;
    })();
  }

  deleteSessionsOfUser(userId: string): number {
    this.conn.write();
    return this.statement('DELETE FROM sessions WHERE user_id = ?').run(userId).changes;
  }

  eraseCustomer(id: string, at: number): number | null {
    this.conn.write();
    return this.db.transaction(() => {
      const emptied = this.statement(
        `UPDATE customers SET name = NULL, email = NULL, phone = NULL, notes = NULL, erased_at = ?
           WHERE id = ? AND erased_at IS NULL`,
      ).run(at, id);
      if (emptied.changes === 0) return null;

      this.conversations.forgetCustomer(id);

      const records = this.statement('SELECT record FROM contacts WHERE customer_id = ?').all(
        id,
      ) as { record: string }[];
      const rewrite = this.statement(
        'UPDATE contacts SET customer_id = NULL, record = ? WHERE id = ?',
      );
      for (const { record } of records) {
        const forgotten = forgetCustomer(toRecord(record));
        rewrite.run(JSON.stringify(forgotten), forgotten.id);
      }
      return records.length;
    })();
  }

  close(): void {
    this.conn.close();
  }

  private statement(sql: string): Database.Statement {
    return this.conn.statement(sql);
  }

  private migrate(): void {
    const from = this.schemaVersion;
    if (from > migrations.length) {
      throw new Error(
        `${this.path} has schema version ${from}, newer than this build knows (${migrations.length}): upgrade the server.`,
      );
    }
    this.db.transaction(() => {
      for (let version = from; version < migrations.length; version++) {
        this.db.exec(migrations[version]!);
      }
      this.db.pragma(`user_version = ${migrations.length}`);
    })();
  }

  private findCustomer(input: CustomerInput): Customer | null {
    const by = (column: 'email' | 'phone', value: string | undefined) =>
      value === undefined
        ? undefined
        : (this.statement(
            `SELECT ${customerColumns} FROM customers WHERE ${column} = ? ORDER BY rowid LIMIT 1`,
          ).get(value) as Customer | undefined);
    return by('email', input.email) ?? by('phone', input.phone) ?? null;
  }

  /** Sequential ids like the memory store's (`cu1`); customer rows are never deleted. */
  private nextId(prefix: string, table: 'customers'): string {
    return `${prefix}${this.nextNumber(table)}`;
  }

  /** One past the highest number a row of `table` ever had, deleted rows included. */
  private nextNumber(table: 'customers' | 'users'): number {
    const row = this.statement(
      `SELECT MAX(COALESCE((SELECT MAX(rowid) FROM ${table}), 0),
                    COALESCE((SELECT last FROM retired_ids WHERE tbl = ?), 0)) + 1 AS next`,
    ).get(table) as { next: number };
    return row.next;
  }

  private isErased(customerId: string | null): boolean {
    if (customerId === null) return false;
    const row = this.statement('SELECT erased_at FROM customers WHERE id = ?').get(customerId) as
      { erased_at: number | null } | undefined;
    return row?.erased_at != null;
  }
}

/** The agent who answered first: before any transfer, the one who took it. */
function firstAgent(record: ContactRecord): string | null {
  return record.transfers[0]?.from ?? record.agentId;
}

function toRecord(json: string): ContactRecord {
  // Written by saveContact from a record the engine built; not re-validated
  // so that listing thousands of rows stays cheap.
  return JSON.parse(json) as ContactRecord;
}
