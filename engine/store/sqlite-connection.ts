/**
 * One SQLite connection shared by the store, its conversations and the
 * command journal, with two things each of them needs: statements
 * prepared once, and group commit. Every write joins the open transaction,
 * opened by the first write and committed once the event loop has run
 * what its current phase holds (setImmediate), so the engine steps of
 * every request that arrived together — journal entries, records,
 * customers, sessions — cost one commit instead of one per statement.
 * Nothing is answered before its commit: the API's durable-writes
 * middleware and the chat relay wait on `flush`, which resolves when the
 * commit holding their writes has landed.
 */
import Database from 'better-sqlite3';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';

export class SqliteConnection {
  readonly db: Database.Database;
  /** Statements prepared once and reused: preparing costs more than most queries. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly logger: Logger;
  /** The open transaction's commit, settled when it lands; null when none is open. */
  private batch: { landed: Promise<void>; settle: (failure: Error | null) => void } | null = null;

  constructor(path: string, logger: Logger = silentLogger) {
    this.db = new Database(path);
    this.logger = logger;
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    // In WAL mode NORMAL survives a killed process (the OS has every
    // committed transaction); only a power cut can lose the last few.
    this.db.pragma('synchronous = NORMAL');
  }

  statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      // Queries built from filters vary; keep the cache bounded.
      if (this.statements.size >= 256) this.statements.clear();
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Called before every write: joins the open transaction, opening it if needed. */
  write(): void {
    if (this.batch || this.db.inTransaction || !this.db.open) return;
    this.db.exec('BEGIN IMMEDIATE');
    let settle!: (failure: Error | null) => void;
    const landed = new Promise<void>((resolve, reject) => {
      settle = (failure) => (failure ? reject(failure) : resolve());
    });
    // Nobody may be waiting; a failure is logged in commit() either way.
    landed.catch(() => {});
    this.batch = { landed, settle };
    setImmediate(() => this.commit());
  }

  /** Resolves once every write made so far is committed; rejects if its commit failed. */
  flush(): Promise<void> {
    return this.batch?.landed ?? Promise.resolve();
  }

  close(): void {
    if (!this.db.open) return;
    this.commit();
    this.db.close();
  }

  private commit(): void {
    const batch = this.batch;
    if (!batch) return;
    this.batch = null;
    try {
      this.db.exec('COMMIT');
      batch.settle(null);
    } catch (err) {
      const failure = err instanceof Error ? err : new Error(String(err));
      this.logger.error({ err: failure.message }, 'SQLite commit failed; its writes are lost');
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      batch.settle(failure);
    }
  }
}
