/**
 * The command journal in SQLite, in its own table of the center's database
 * file. Opened by the store (`SqliteStore.journal()`), it shares the
 * store's connection, so an append commits with the store writes of the
 * same step, before the HTTP response leaves (sqlite-connection.ts).
 */
import type Database from 'better-sqlite3';
import { Command } from '../commands.js';
import type { Journal, JournalEntry } from '../journal.js';
import { SqliteConnection } from './sqlite-connection.js';

export class SqliteJournal implements Journal {
  private readonly conn: SqliteConnection;
  private readonly owned: boolean;
  private readonly insert: Database.Statement<[number, string]>;

  /** On the store's connection, or on a file of its own (tools, tests). */
  constructor(target: SqliteConnection | string) {
    this.owned = typeof target === 'string';
    this.conn = typeof target === 'string' ? new SqliteConnection(target) : target;
    this.conn.db.exec(`CREATE TABLE IF NOT EXISTS journal (
      n INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      command TEXT NOT NULL
    )`);
    this.insert = this.conn.statement(
      'INSERT INTO journal (at, command) VALUES (?, ?)',
    ) as Database.Statement<[number, string]>;
  }

  append(at: number, command: Command): void {
    this.conn.write();
    this.insert.run(at, JSON.stringify(command));
  }

  *entries(): Iterable<JournalEntry> {
    const rows = this.conn.db
      .prepare('SELECT n, at, command FROM journal ORDER BY n')
      .iterate() as Iterable<{
      n: number;
      at: number;
      command: string;
    }>;
    for (const row of rows) {
      yield { n: row.n, at: row.at, command: Command.parse(JSON.parse(row.command)) };
    }
  }

  /** Closes the connection if the journal opened it; the store closes a shared one. */
  close(): void {
    if (this.owned) this.conn.close();
  }
}
