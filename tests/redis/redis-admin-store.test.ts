/**
 * The Redis store keeps the audit log, removes users for good and forgets
 * customers as the SQLite store does, and all of it survives a reopen.
 */
import { describe, expect, it } from 'vitest';
import { newContactRecord, type ContactRecord } from '../../engine/records.js';
import { RedisStore } from '../../engine/redis/redis-store.js';
import type { NewAuditEntry } from '../../engine/store/store.js';
import { redisAnswers, suiteTitle, useRedis } from './redis-test-kit.js';

const reachable = await redisAnswers();

function record(id: string, more: Partial<ContactRecord> = {}): ContactRecord {
  return newContactRecord({
    id,
    channel: 'chat',
    firstQueueId: 'billing',
    queuedAt: 1_000,
    agentId: 'a1',
    disposition: 'promised a refund to Ana',
    outcome: 'completed',
    ...more,
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

describe.skipIf(!reachable)(suiteTitle('the Redis store as an admin store', reachable), () => {
  const redis = useRedis();
  const open = () => RedisStore.open({ client: redis.client, prefix: redis.prefix, now: () => 5 });

  it('lists audit entries newest first, within a range, and numbers them on after a reopen', async () => {
    const first = await open();
    for (const [at, target] of [
      [10, 'c1'],
      [20, 'c2'],
      [30, 'c3'],
    ] as const)
      first.appendAudit(entry(at, target));
    await first.flush();

    const second = await open();
    const fourth = second.appendAudit(entry(40, 'c4'));

    const targets = (q: Parameters<RedisStore['listAudit']>[0]) =>
      second.listAudit(q).map((e) => e.target);
    expect(second.listAudit({})[1]).toEqual({ ...entry(30, 'c3'), id: 3 });
    expect(fourth.id).toBe(4);
    expect(targets({})).toEqual(['c4', 'c3', 'c2', 'c1']);
    expect(targets({ from: 20, to: 40 })).toEqual(['c3', 'c2']);
    expect(targets({ limit: 1 })).toEqual(['c4']);
  });

  it('removes a user with its sessions and never hands its id out again, even after a reopen', async () => {
    const first = await open();
    first.createUser(user('first'));
    const last = first.createUser(user('last'));
    first.saveSession({
      tokenHash: 't',
      userId: last.id,
      contactId: null,
      createdAt: 0,
      expiresAt: Date.now() + 60_000,
    });

    const removed = first.deleteUser(last.id);
    await first.flush();
    const second = await open();
    const next = second.createUser(user('next'));

    expect(removed).toBe(true);
    expect(second.deleteUser(last.id)).toBe(false);
    expect(second.getSession('t')).toBeNull();
    expect(second.getUser(last.id)).toBeNull();
    expect(second.findUserByUsername('last')).toBeNull();
    expect(next.id).toBe('u3');
    expect(second.listUsers().map((u) => u.username)).toEqual(['first', 'next']);
  });

  it("ends every session of one user and no one else's, for good", async () => {
    const first = await open();
    const a = first.createUser(user('a'));
    const b = first.createUser(user('b'));
    const expiresAt = Date.now() + 60_000;
    for (const [hash, userId] of [
      ['a1', a.id],
      ['a2', a.id],
      ['b1', b.id],
    ] as const)
      first.saveSession({ tokenHash: hash, userId, contactId: null, createdAt: 0, expiresAt });

    const ended = first.deleteSessionsOfUser(a.id);
    await first.flush();
    const second = await open();

    expect(ended).toBe(2);
    expect(second.getSession('a1')).toBeNull();
    expect(second.getSession('a2')).toBeNull();
    expect(second.getSession('b1')?.userId).toBe(b.id);
  });

  it('forgets a customer: profile, link, notes and conversations gone, times kept, after a reopen', async () => {
    const first = await open();
    const ana = first.upsertCustomer({ name: 'Ana', email: 'ana@example.com', notes: 'VIP' });
    const bo = first.upsertCustomer({ name: 'Bo', email: 'bo@example.com' });
    first.saveContact(record('c1', { customerId: ana.id }));
    first.saveContact(record('c2', { customerId: bo.id }));
    first.conversations.appendChatMessage({
      contactId: 'c1',
      messageId: 'm1',
      seq: 1,
      from: 'customer',
      text: 'my card number is…',
      at: 1_100,
      authorId: null,
      clientKey: 'customer:k1',
    });
    first.conversations.saveMedia({
      contactId: 'c1',
      connectedAt: 1,
      endedAt: 2,
      endedBy: 'agent',
      mutes: [],
    });

    const changed = first.eraseCustomer(ana.id, 99);
    await first.flush();
    const second = await open();

    expect(changed).toBe(1);
    expect(second.getCustomer(ana.id)).toBeNull();
    expect(second.getContact('c1')).toEqual(record('c1', { customerId: null, disposition: null }));
    expect(second.getContact('c2')?.customerId).toBe(bo.id);
    expect(second.listContacts({ customerId: ana.id })).toEqual([]);
    expect(second.conversations.listChatMessages('c1')).toEqual([]);
    expect(second.conversations.getMedia('c1')).toBeNull();
    expect(second.eraseCustomer(ana.id, 100)).toBeNull();
    expect(second.eraseCustomer('cu404', 100)).toBeNull();
    expect(await redis.client.exists(`${redis.prefix}customer:${ana.id}:contacts`)).toBe(0);
  });

  it('strips an erased customer from records saved afterwards, as a replay would', async () => {
    const first = await open();
    const ana = first.upsertCustomer({ name: 'Ana', email: 'ana@example.com' });
    first.eraseCustomer(ana.id, 99);
    await first.flush();
    const second = await open();

    second.saveContact(record('late', { customerId: ana.id }));
    const again = second.upsertCustomer({ name: 'Ana', email: 'ana@example.com' });

    expect(second.getContact('late')).toMatchObject({ customerId: null, disposition: null });
    expect(again.id).not.toBe(ana.id);
  });

  it('lists contact records newest first when asked, as the history views do', async () => {
    const store = await open();
    store.saveContact(record('old', { queuedAt: 1_000 }));
    store.saveContact(record('new', { queuedAt: 2_000 }));

    const ids = store.listContacts({ newestFirst: true, limit: 1 }).map((r) => r.id);

    expect(ids).toEqual(['new']);
  });
});
