/**
 * The command journal in SQLite, in its own table of the center's database
 * file. Each append is its own transaction (WAL), so a command the center
 * applied is in the file before the HTTP response leaves.
 */
import Database from 'better-sqlite3';
import { Command } from '../commands.js';
import type { Journal, JournalEntry } from '../journal.js';

export class SqliteJournal implements Journal {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[number, string]>;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL survives a killed process (the OS has every
    // committed append); only a power cut can lose the last few.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS journal (
      n INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      command TEXT NOT NULL
    )`);
    this.insert = this.db.prepare('INSERT INTO journal (at, command) VALUES (?, ?)');
  }

  append(at: number, command: Command): void {
    this.insert.run(at, JSON.stringify(command));
  }

  *entries(): Iterable<JournalEntry> {
    const rows = this.db
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

  close(): void {
    this.db.close();
  }
}
