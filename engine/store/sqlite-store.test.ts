/** The SQLite store keeps everything across a reopen and answers queries from its indexes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.js';
import { newContactRecord, type ContactRecord } from '../records.js';
import { migrations, SqliteStore } from './sqlite-store.js';

const config = parseConfig({
  skills: ['billing'],
  queues: [{ id: 'billing', skills: [{ skill: 'billing' }] }],
  agents: [{ id: 'a1', name: 'Ada', skills: { billing: 3 } }],
});

function record(id: string, overrides: Partial<ContactRecord> = {}): ContactRecord {
  return newContactRecord({
    id,
    channel: 'chat',
    firstQueueId: 'billing',
    queuedAt: 1_000,
    ...overrides,
  });
}

function offer(agentId: string, at: number) {
  return {
    offerId: `x:${at}`,
    agentId,
    queueId: 'billing',
    offeredAt: at,
    endedAt: at + 1,
    outcome: 'accepted' as const,
  };
}

describe('the SQLite store', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-store-'));
    path = join(dir, 'nested', 'center.db');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps config, customers, contact records, users and sessions across a reopen', () => {
    const first = new SqliteStore({ path, now: () => 42 });
    first.saveConfig(config);
    const ada = first.upsertCustomer({ name: 'Ada', email: 'ada@example.com' });
    first.saveContact(
      record('c1', { customerId: ada.id, agentId: 'a1', offers: [offer('a1', 1_500)] }),
    );
    const user = first.createUser({
      username: 'Agent1',
      displayName: 'Ada',
      role: 'agent',
      agentId: 'a1',
      passwordHash: 'h',
    });
    first.saveSession({
      tokenHash: 't',
      userId: user.id,
      contactId: null,
      createdAt: 1,
      expiresAt: 99,
    });
    first.close();

    const second = new SqliteStore({ path });

    expect(second.loadConfig()).toEqual(config);
    expect(second.getCustomer(ada.id)).toEqual({ ...ada, createdAt: 42 });
    expect(second.getContact('c1')?.agentId).toBe('a1');
    expect(second.findUserByUsername('agent1')).toEqual(user);
    expect(second.getSession('t')).toEqual({
      tokenHash: 't',
      userId: user.id,
      contactId: null,
      createdAt: 1,
      expiresAt: 99,
    });
    second.close();
  });

  it('creates the schema once, in WAL mode, at the current version', () => {
    new SqliteStore({ path }).close();

    const reopened = new SqliteStore({ path });
    const raw = new Database(path, { readonly: true });

    expect(reopened.schemaVersion).toBe(migrations.length);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    reopened.close();
  });

  it('refuses a file written by a newer schema', () => {
    const raw = new Database(path.replace('nested/', ''));
    raw.pragma('user_version = 99');
    raw.close();

    const open = () => new SqliteStore({ path: path.replace('nested/', '') });

    expect(open).toThrow(/schema version 99/);
  });

  it('finds a returning customer by email, then by phone, and keeps what it knew', () => {
    const store = new SqliteStore({ path });
    const first = store.upsertCustomer({ name: 'Bo', email: 'bo@example.com', notes: 'VIP' });

    const byEmail = store.upsertCustomer({ email: 'bo@example.com', phone: '+33 1 23 45' });
    const byPhone = store.upsertCustomer({ phone: '+33 1 23 45' });
    const other = store.upsertCustomer({ name: 'Cy' });

    expect(byEmail).toMatchObject({ id: first.id, name: 'Bo', notes: 'VIP', phone: '+33 1 23 45' });
    expect(byPhone.id).toBe(first.id);
    expect(other.id).not.toBe(first.id);
    store.close();
  });

  it('lists contact records by customer, agent, queue and time, in queue-entry order', () => {
    const store = new SqliteStore({ path });
    store.saveContact(
      record('late', { queuedAt: 3_000, customerId: 'cu1', offers: [offer('a2', 3_100)] }),
    );
    store.saveContact(
      record('early', { queuedAt: 1_000, customerId: 'cu1', offers: [offer('a1', 1_100)] }),
    );
    store.saveContact(
      record('moved', { queuedAt: 2_000, firstQueueId: 'sales', queueId: 'billing' }),
    );

    const ids = (q: Parameters<SqliteStore['listContacts']>[0]) =>
      store.listContacts(q).map((r) => r.id);

    expect(ids({})).toEqual(['early', 'moved', 'late']);
    expect(ids({ customerId: 'cu1' })).toEqual(['early', 'late']);
    expect(ids({ agentId: 'a2' })).toEqual(['late']);
    expect(ids({ queueId: 'sales' })).toEqual(['moved']);
    expect(ids({ from: 2_000, to: 3_000 })).toEqual(['moved']);
    expect(ids({ limit: 1 })).toEqual(['early']);
    store.close();
  });

  it('replaces a saved record and its agent index when the contact is saved again', () => {
    const store = new SqliteStore({ path });
    store.saveContact(record('c1', { offers: [offer('a1', 1_100)] }));

    store.saveContact(record('c1', { offers: [offer('a2', 1_200)], outcome: 'completed' }));

    expect(store.listContacts({ agentId: 'a1' })).toEqual([]);
    expect(store.listContacts({ agentId: 'a2' }).map((r) => r.outcome)).toEqual(['completed']);
    store.close();
  });

  it('treats usernames as unique without regard to case', () => {
    const store = new SqliteStore({ path });
    store.createUser({
      username: 'sup1',
      displayName: 'S',
      role: 'supervisor',
      agentId: null,
      passwordHash: 'h',
    });

    const again = () =>
      store.createUser({
        username: 'SUP1',
        displayName: 'S',
        role: 'admin',
        agentId: null,
        passwordHash: 'h',
      });

    expect(again).toThrow(/taken/);
    expect(store.listUsers()).toHaveLength(1);
    store.close();
  });

  it('deletes sessions, one at a time or once expired', () => {
    const store = new SqliteStore({ path });
    store.saveSession({
      tokenHash: 'old',
      userId: null,
      contactId: 'c1',
      createdAt: 0,
      expiresAt: 10,
    });
    store.saveSession({
      tokenHash: 'new',
      userId: null,
      contactId: 'c2',
      createdAt: 0,
      expiresAt: 20,
    });
    store.saveSession({
      tokenHash: 'gone',
      userId: null,
      contactId: 'c3',
      createdAt: 0,
      expiresAt: 20,
    });

    const expired = store.deleteExpiredSessions(10);
    store.deleteSession('gone');

    expect(expired).toBe(1);
    expect(store.getSession('old')).toBeNull();
    expect(store.getSession('gone')).toBeNull();
    expect(store.getSession('new')?.contactId).toBe('c2');
    store.close();
  });
});

describe('statistics interval rows in SQLite', () => {
  it('replaces a row with the same interval, queue and agent, and keeps the others', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rows-')), 'center.db');
    const store = new SqliteStore({ path });
    // The store keeps rows as given; a stub of the counters is enough here.
    const row = (queueId: string | null, offered: number) =>
      ({ intervalStart: 900_000, queueId, agentId: null, counters: { offered } }) as never;
    store.saveIntervalRows([row('billing', 1), row(null, 1)]);
    store.saveIntervalRows([row('billing', 4)]);
    store.close();

    const reopened = new SqliteStore({ path });

    expect(reopened.loadIntervalRows()).toEqual([row(null, 1), row('billing', 4)]);
    reopened.close();
  });
});
