/** Group commit: the writes that arrive together land in one transaction, and flush waits for it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteConnection } from './sqlite-connection.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fileWithTable(): { path: string; conn: SqliteConnection } {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-conn-'));
  dirs.push(dir);
  const path = join(dir, 'test.db');
  const conn = new SqliteConnection(path);
  conn.db.exec('CREATE TABLE t (n INTEGER)');
  return { path, conn };
}

describe('SQLite group commit', () => {
  it('commits the writes of one turn together, visible to others once flush resolves', async () => {
    const { path, conn } = fileWithTable();
    const reader = new Database(path, { readonly: true });
    const count = () => (reader.prepare('SELECT COUNT(*) AS n FROM t').get() as { n: number }).n;
    const insert = conn.statement('INSERT INTO t (n) VALUES (?)');

    conn.write();
    insert.run(1);
    conn.write();
    insert.run(2);
    expect(count()).toBe(0);
    await conn.flush();
    expect(count()).toBe(2);

    // Nothing open: flush resolves at once, and the next write opens a new transaction.
    await conn.flush();
    conn.write();
    insert.run(3);
    expect(conn.db.inTransaction).toBe(true);
    await conn.flush();
    expect(conn.db.inTransaction).toBe(false);
    expect(count()).toBe(3);
    reader.close();
    conn.close();
  });

  it('commits what is pending when it closes', () => {
    const { path, conn } = fileWithTable();
    conn.write();
    conn.statement('INSERT INTO t (n) VALUES (?)').run(7);
    conn.close();
    const reader = new Database(path, { readonly: true });
    expect(reader.prepare('SELECT n FROM t').all()).toEqual([{ n: 7 }]);
    reader.close();
  });
});
