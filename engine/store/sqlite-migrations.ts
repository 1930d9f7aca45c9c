/**
 * The SQLite store's schema, as the migrations that build it. Each entry
 * upgrades the schema by one version; entry i takes the file from version
 * i to i + 1. Never edit a shipped entry: append a new one.
 */
import { conversationTables } from './sqlite-conversations.js';

export const migrations: readonly string[] = [
  `
  CREATE TABLE config (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
  );
  CREATE TABLE customers (
    id TEXT PRIMARY KEY,
    name TEXT,
    email TEXT,
    phone TEXT,
    notes TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX customers_email ON customers (email);
  CREATE INDEX customers_phone ON customers (phone);
  CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    customer_id TEXT,
    queue_id TEXT NOT NULL,
    first_queue_id TEXT NOT NULL,
    queued_at INTEGER NOT NULL,
    first_agent_id TEXT,
    record TEXT NOT NULL
  );
  CREATE INDEX contacts_customer ON contacts (customer_id, queued_at);
  CREATE INDEX contacts_queue ON contacts (queue_id, queued_at);
  CREATE INDEX contacts_first_queue ON contacts (first_queue_id, queued_at);
  CREATE INDEX contacts_queued_at ON contacts (queued_at);
  CREATE INDEX contacts_first_agent ON contacts (first_agent_id, queued_at);
  CREATE TABLE contact_agents (
    contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    agent_id TEXT NOT NULL,
    PRIMARY KEY (agent_id, contact_id)
  ) WITHOUT ROWID;
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    agent_id TEXT,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    contact_id TEXT,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_expires ON sessions (expires_at);
  `,
  `
  CREATE TABLE interval_rows (
    interval_start INTEGER NOT NULL,
    queue_id TEXT NOT NULL DEFAULT '',
    agent_id TEXT NOT NULL DEFAULT '',
    row TEXT NOT NULL,
    PRIMARY KEY (interval_start, queue_id, agent_id)
  ) WITHOUT ROWID;
  `,
  `
  ALTER TABLE customers ADD COLUMN erased_at INTEGER;
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details TEXT NOT NULL
  );
  CREATE INDEX audit_log_at ON audit_log (at);
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE retired_ids (
    tbl TEXT PRIMARY KEY,
    last INTEGER NOT NULL
  );
  `,
  conversationTables,
];
