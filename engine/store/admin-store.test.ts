/** Both stores keep the audit log, remove users for good and forget customers alike. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { newContactRecord, type ContactRecord } from '../records.js';
import { MemoryStore } from './memory-store.js';
import { SqliteStore, migrations } from './sqlite-store.js';
import type { AdminStore, NewAuditEntry, Store } from './store.js';

type Both = Store & AdminStore;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-admin-'));
  dirs.push(dir);
  return join(dir, 'center.db');
}

const stores: [string, () => Both][] = [
  ['memory', () => new MemoryStore(() => 5)],
  ['SQLite', () => new SqliteStore({ path: tempPath(), now: () => 5 })],
];

function record(id: string, overrides: Partial<ContactRecord> = {}): ContactRecord {
  return newContactRecord({
    id,
    channel: 'chat',
    firstQueueId: 'billing',
    queuedAt: 1_000,
    answeredAt: 1_500,
    agentId: 'a1',
    endedAt: 2_000,
    wrapUpEndedAt: 2_500,
    disposition: 'promised a refund to Ana',
    outcome: 'completed',
    ...overrides,
  });
}

function entry(at: number, target: string): NewAuditEntry {
  return {
    at,
    actorId: 'u4',
    actorName: 'sup',
    actorRole: 'supervisor',
    action: 'contact.priority',
    target,
    details: { priority: 3, from: 0 },
  };
}

const user = (username: string) => ({
  username,
  displayName: username,
  role: 'supervisor' as const,
  agentId: null,
  passwordHash: 'h',
});

describe.each(stores)('the %s store', (_name, open) => {
  it('lists audit entries newest first, within a range and up to a limit', () => {
    const store = open();
    for (const [at, target] of [
      [10, 'c1'],
      [20, 'c2'],
      [30, 'c3'],
    ] as const)
      store.appendAudit(entry(at, target));

    const targets = (q: Parameters<Both['listAudit']>[0]) =>
      store.listAudit(q).map((e) => e.target);

    expect(store.listAudit({})[0]).toEqual({ ...entry(30, 'c3'), id: 3 });
    expect(targets({})).toEqual(['c3', 'c2', 'c1']);
    expect(targets({ from: 20 })).toEqual(['c3', 'c2']);
    expect(targets({ to: 20 })).toEqual(['c1']);
    expect(targets({ limit: 1 })).toEqual(['c3']);
    store.close();
  });

  it('removes a user with its sessions, and never hands its id out again', () => {
    const store = open();
    store.createUser(user('first'));
    const last = store.createUser(user('last'));
    store.saveSession({
      tokenHash: 't',
      userId: last.id,
      contactId: null,
      createdAt: 0,
      expiresAt: 9,
    });

    const removed = store.deleteUser(last.id);
    const next = store.createUser(user('next'));

    expect(removed).toBe(true);
    expect(store.deleteUser(last.id)).toBe(false);
    expect(store.getSession('t')).toBeNull();
    expect(store.getUser(last.id)).toBeNull();
    expect(next.id).not.toBe(last.id);
    expect(store.listUsers().map((u) => u.username)).toEqual(['first', 'next']);
    store.close();
  });

  it("ends every session of one user and no one else's", () => {
    const store = open();
    const a = store.createUser(user('a'));
    const b = store.createUser(user('b'));
    for (const [hash, userId] of [
      ['a1', a.id],
      ['a2', a.id],
      ['b1', b.id],
    ] as const)
      store.saveSession({ tokenHash: hash, userId, contactId: null, createdAt: 0, expiresAt: 9 });

    const ended = store.deleteSessionsOfUser(a.id);

    expect(ended).toBe(2);
    expect(store.getSession('b1')?.userId).toBe(b.id);
    store.close();
  });

  it('forgets a customer: profile gone, records keep their times but lose link and notes', () => {
    const store = open();
    const ana = store.upsertCustomer({ name: 'Ana', email: 'ana@example.com', notes: 'VIP' });
    const other = store.upsertCustomer({ name: 'Bo', email: 'bo@example.com' });
    store.saveContact(record('c1', { customerId: ana.id }));
    store.saveContact(record('c2', { customerId: other.id }));

    const changed = store.eraseCustomer(ana.id, 99);

    expect(changed).toBe(1);
    expect(store.getCustomer(ana.id)).toBeNull();
    expect(store.getContact('c1')).toEqual(record('c1', { customerId: null, disposition: null }));
    expect(store.getContact('c2')?.customerId).toBe(other.id);
    expect(store.listContacts({ customerId: ana.id })).toEqual([]);
    expect(store.eraseCustomer(ana.id, 100)).toBeNull();
    expect(store.eraseCustomer('cu404', 100)).toBeNull();
    store.close();
  });

  it('strips an erased customer from records saved afterwards, as a replay would', () => {
    const store = open();
    const ana = store.upsertCustomer({ name: 'Ana', email: 'ana@example.com' });
    store.eraseCustomer(ana.id, 99);

    store.saveContact(record('late', { customerId: ana.id }));
    const again = store.upsertCustomer({ name: 'Ana', email: 'ana@example.com' });

    expect(store.getContact('late')).toMatchObject({ customerId: null, disposition: null });
    expect(again.id).not.toBe(ana.id);
    store.close();
  });
});

describe('the SQLite schema', () => {
  it('upgrades a version 2 file in place, keeping its customers, users and records', () => {
    const path = tempPath();
    const old = new Database(path);
    for (const step of migrations.slice(0, 2)) old.exec(step);
    old.pragma('user_version = 2');
    old
      .prepare("INSERT INTO customers VALUES ('cu1', 'Ana', 'ana@example.com', NULL, NULL, 1)")
      .run();
    old.prepare("INSERT INTO users VALUES ('u1', 'sup', 'Sam', 'supervisor', NULL, 'h', 1)").run();
    old.close();

    const store = new SqliteStore({ path });
    const next = store.createUser(user('new'));

    expect(store.schemaVersion).toBe(migrations.length);
    expect(store.getCustomer('cu1')?.name).toBe('Ana');
    expect(next.id).toBe('u2');
    expect(store.eraseCustomer('cu1', 9)).toBe(0);
    store.close();
  });
});
