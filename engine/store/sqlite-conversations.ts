/**
 * The conversation store's SQL, on the SQLite store's connection: chat
 * messages (one row each), media times and callback attempts (one row per
 * contact). The tables are created by the store's migrations.
 */
import type { CallbackAttempt } from '../chat/callback-attempt.js';
import type { StoredChatMessage } from '../chat/chat-message.js';
import type { ConversationStore } from '../chat/conversation-store.js';
import type { MediaRecord } from '../chat/media-record.js';
import type { SqliteConnection } from './sqlite-connection.js';

/** Appended to the store's migrations; never edit once shipped. */
export const conversationTables = `
  CREATE TABLE chat_messages (
    contact_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    message_id TEXT NOT NULL,
    client_key TEXT NOT NULL,
    author TEXT NOT NULL,
    author_id TEXT,
    text TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (contact_id, seq),
    UNIQUE (contact_id, client_key)
  ) WITHOUT ROWID;
  CREATE TABLE call_media (
    contact_id TEXT PRIMARY KEY,
    record TEXT NOT NULL
  );
  CREATE TABLE callback_attempts (
    contact_id TEXT PRIMARY KEY,
    retry_due_at INTEGER,
    retry_contact_id TEXT,
    record TEXT NOT NULL
  );
  CREATE INDEX callback_attempts_due ON callback_attempts (retry_due_at)
    WHERE retry_due_at IS NOT NULL AND retry_contact_id IS NULL;
`;

const messageColumns = `contact_id AS contactId, seq, message_id AS messageId,
  client_key AS clientKey, author AS "from", author_id AS authorId, text, at`;

export class SqliteConversations implements ConversationStore {
  constructor(private readonly conn: SqliteConnection) {}

  appendChatMessage(m: StoredChatMessage): void {
    this.conn.write();
    this.conn
      .statement(
        `INSERT INTO chat_messages (contact_id, seq, message_id, client_key, author, author_id, text, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(m.contactId, m.seq, m.messageId, m.clientKey, m.from, m.authorId, m.text, m.at);
  }

  listChatMessages(contactId: string, afterSeq = 0): StoredChatMessage[] {
    return this.conn
      .statement(
        `SELECT ${messageColumns} FROM chat_messages WHERE contact_id = ? AND seq > ? ORDER BY seq`,
      )
      .all(contactId, afterSeq) as StoredChatMessage[];
  }

  findChatMessage(contactId: string, clientKey: string): StoredChatMessage | null {
    const row = this.conn
      .statement(
        `SELECT ${messageColumns} FROM chat_messages WHERE contact_id = ? AND client_key = ?`,
      )
      .get(contactId, clientKey) as StoredChatMessage | undefined;
    return row ?? null;
  }

  lastChatSeq(contactId: string): number {
    const row = this.conn
      .statement('SELECT MAX(seq) AS last FROM chat_messages WHERE contact_id = ?')
      .get(contactId) as { last: number | null };
    return row.last ?? 0;
  }

  saveMedia(record: MediaRecord): void {
    this.conn.write();
    this.conn
      .statement(
        `INSERT INTO call_media (contact_id, record) VALUES (?, ?)
         ON CONFLICT (contact_id) DO UPDATE SET record = excluded.record`,
      )
      .run(record.contactId, JSON.stringify(record));
  }

  getMedia(contactId: string): MediaRecord | null {
    const row = this.conn
      .statement('SELECT record FROM call_media WHERE contact_id = ?')
      .get(contactId) as { record: string } | undefined;
    // Written by saveMedia from a record the server built.
    return row ? (JSON.parse(row.record) as MediaRecord) : null;
  }

  saveCallbackAttempt(a: CallbackAttempt): void {
    this.conn.write();
    this.conn
      .statement(
        `INSERT INTO callback_attempts (contact_id, retry_due_at, retry_contact_id, record)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (contact_id) DO UPDATE SET retry_due_at = excluded.retry_due_at,
           retry_contact_id = excluded.retry_contact_id, record = excluded.record`,
      )
      .run(a.contactId, a.retryDueAt, a.retryContactId, JSON.stringify(a));
  }

  getCallbackAttempt(contactId: string): CallbackAttempt | null {
    const row = this.conn
      .statement('SELECT record FROM callback_attempts WHERE contact_id = ?')
      .get(contactId) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as CallbackAttempt) : null;
  }

  listDueCallbackRetries(): CallbackAttempt[] {
    const rows = this.conn
      .statement(
        `SELECT record FROM callback_attempts
         WHERE retry_due_at IS NOT NULL AND retry_contact_id IS NULL ORDER BY retry_due_at`,
      )
      .all() as { record: string }[];
    return rows.map((r) => JSON.parse(r.record) as CallbackAttempt);
  }

  /** Forgets what the customer wrote and said on its contacts (erasure). */
  forgetCustomer(customerId: string): void {
    this.conn.write();
    const ofCustomer = 'SELECT id FROM contacts WHERE customer_id = ?';
    this.conn
      .statement(`DELETE FROM chat_messages WHERE contact_id IN (${ofCustomer})`)
      .run(customerId);
    this.conn
      .statement(`DELETE FROM call_media WHERE contact_id IN (${ofCustomer})`)
      .run(customerId);
  }
}
