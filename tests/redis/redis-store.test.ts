/** The Redis store keeps everything across a reopen and serves reads from memory. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../engine/config.js';
import { newContactRecord, type ContactRecord } from '../../engine/records.js';
import { centerKeys } from '../../engine/redis/center-keys.js';
import { RedisStore } from '../../engine/redis/redis-store.js';
import type { IntervalRow } from '../../engine/stats/intervalRow.js';
import { emptyCounters } from '../../engine/stats/index.js';
import { redisAnswers, suiteTitle, useRedis } from './redis-test-kit.js';

const reachable = await redisAnswers();

const config = parseConfig({
  skills: ['billing'],
  queues: [{ id: 'billing', skills: [{ skill: 'billing' }], wrapUpSec: 15 }],
  agents: [{ id: 'a1', name: 'Ada', skills: { billing: 3 } }],
});

function contact(id: string, queuedAt: number, more: Partial<ContactRecord> = {}): ContactRecord {
  return newContactRecord({ id, channel: 'chat', firstQueueId: 'billing', queuedAt, ...more });
}

describe.skipIf(!reachable)(suiteTitle('the Redis store', reachable), () => {
  const redis = useRedis();

  it('gives a second store on the same prefix everything the first one flushed', async () => {
    const first = await RedisStore.open({
      client: redis.client,
      prefix: redis.prefix,
      now: () => 42,
    });
    const wall = Date.now();
    first.saveConfig(config);
    const ada = first.upsertCustomer({ name: 'Ada', email: 'ada@example.com' });
    first.upsertCustomer({ name: 'Grace', phone: '+44 1234' });
    first.upsertCustomer({ email: 'ada@example.com', notes: 'prefers chat' });
    first.saveContact(contact('late', 3_000, { customerId: ada.id }));
    first.saveContact(contact('tie-b', 2_000));
    first.saveContact(contact('early', 1_000, { customerId: ada.id }));
    first.saveContact(contact('tie-a', 2_000));
    first.saveContact(contact('late', 3_000, { customerId: ada.id, outcome: 'completed' }));
    first.createUser({
      username: 'Sup',
      displayName: 'Sue',
      role: 'supervisor',
      agentId: null,
      passwordHash: 'h1',
    });
    first.createUser({
      username: 'ada',
      displayName: 'Ada',
      role: 'agent',
      agentId: 'a1',
      passwordHash: 'h2',
    });
    first.saveSession({
      tokenHash: 'long',
      userId: 'u1',
      contactId: null,
      createdAt: wall,
      expiresAt: wall + 3_600_000,
    });
    first.saveSession({
      tokenHash: 'gone',
      userId: 'u2',
      contactId: null,
      createdAt: wall,
      expiresAt: wall + 3_600_000,
    });
    first.deleteSession('gone');
    const row: IntervalRow = {
      intervalStart: 0,
      queueId: 'billing',
      agentId: null,
      counters: emptyCounters(),
    };
    first.saveIntervalRows([row]);
    await first.flush();

    const second = await RedisStore.open({ client: redis.client, prefix: redis.prefix });

    expect(second.loadConfig()).toEqual(config);
    expect(second.getCustomer(ada.id)).toEqual({
      id: 'cu1',
      name: 'Ada',
      email: 'ada@example.com',
      phone: null,
      notes: 'prefers chat',
      createdAt: 42,
    });
    expect(second.getCustomer('cu2')).toMatchObject({ name: 'Grace', phone: '+44 1234' });
    expect(second.upsertCustomer({ phone: '+44 1234' }).id).toBe('cu2');
    expect(second.listContacts({}).map((r) => r.id)).toEqual(['early', 'tie-b', 'tie-a', 'late']);
    expect(second.listContacts({ customerId: ada.id }).map((r) => r.id)).toEqual(['early', 'late']);
    expect(second.getContact('late')?.outcome).toBe('completed');
    expect(second.listUsers().map((u) => [u.id, u.username, u.createdAt])).toEqual([
      ['u1', 'Sup', 42],
      ['u2', 'ada', 42],
    ]);
    expect(second.findUserByUsername('SUP')?.id).toBe('u1');
    expect(() =>
      second.createUser({
        username: 'ADA',
        displayName: 'x',
        role: 'admin',
        agentId: null,
        passwordHash: 'h',
      }),
    ).toThrow(/taken/);
    expect(second.getSession('long')?.expiresAt).toBe(wall + 3_600_000);
    expect(second.getSession('gone')).toBeNull();
    expect(second.loadIntervalRows()).toEqual([row]);
  });

  it('lets Redis expire a session at its expiresAt, so a later store never sees it', async () => {
    const first = await RedisStore.open({ client: redis.client, prefix: redis.prefix });
    const wall = Date.now();
    first.saveSession({
      tokenHash: 'brief',
      userId: null,
      contactId: 'c1',
      createdAt: wall,
      expiresAt: wall + 150,
    });
    first.saveSession({
      tokenHash: 'day',
      userId: null,
      contactId: 'c2',
      createdAt: wall,
      expiresAt: wall + 86_400_000,
    });
    await first.flush();
    const ttl = await redis.client.pTTL(centerKeys(redis.prefix).session('brief'));

    await new Promise((r) => setTimeout(r, 250));
    const later = await RedisStore.open({ client: redis.client, prefix: redis.prefix });

    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(150);
    expect(later.getSession('brief')).toBeNull();
    expect(later.getSession('day')?.contactId).toBe('c2');
    expect(first.deleteExpiredSessions(Date.now())).toBe(1);
  });

  it('queues nothing when an unchanged record or configuration is saved again, as a replay does', async () => {
    const store = await RedisStore.open({ client: redis.client, prefix: redis.prefix });
    store.saveConfig(config);
    store.saveContact(contact('c1', 1_000));
    await store.flush();

    store.saveConfig(parseConfig(JSON.parse(JSON.stringify(config))));
    store.saveContact(contact('c1', 1_000));

    expect(store.writer.pending).toBe(0);
  });

  it('answers reads at once, before the writes are acknowledged', async () => {
    const store = await RedisStore.open({ client: redis.client, prefix: redis.prefix });

    const customer = store.upsertCustomer({ email: 'x@example.com' });

    expect(store.getCustomer(customer.id)?.email).toBe('x@example.com');
    expect(store.writer.pending).toBe(1);
    await store.flush();
    expect(store.writer.pending).toBe(0);
  });
});
