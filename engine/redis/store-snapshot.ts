/**
 * Reading a center's stored data out of Redis in one go, when an engine
 * opens its RedisStore: hashes page by page (HSCAN), sessions through
 * their expiry index. Values were written by RedisStore from objects the
 * engine built, so they are parsed without validation, like SqliteStore.
 */
import type { CenterConfig } from '../config.js';
import type { ContactRecord } from '../records.js';
import type { Customer, Session, User } from '../store/store.js';
import type { CenterKeys } from './center-keys.js';
import type { RedisConnection } from './redis-connection.js';

export interface StoreSnapshot {
  config: CenterConfig | null;
  /** In id order (`cu1`, `cu2`...), which is creation order. */
  customers: Customer[];
  /** Erased customer id → when; their emptied profiles stay in `customers`. */
  erased: Map<string, number>;
  /** Queue-entry order; ties by first save. */
  contacts: { record: ContactRecord; ordinal: number }[];
  /** In id order, which is creation order. */
  users: User[];
  /** The highest user number ever handed out, deleted users included. */
  usersLast: number;
  /** Sessions not yet expired at load time. */
  sessions: Session[];
  intervalRows: unknown[];
}

const page = 1_000;

export async function loadStoreSnapshot(
  client: RedisConnection,
  keys: CenterKeys,
  now: number,
): Promise<StoreSnapshot> {
  const [config, customers, erased, contacts, order, users, usersLast, rows, sessions] =
    await Promise.all([
      client.get(keys.config),
      readHash(client, keys.customers),
      readHash(client, keys.customersErased),
      readHash(client, keys.contacts),
      readHash(client, keys.contactsOrder),
      readHash(client, keys.users),
      client.get(keys.usersLast),
      readHash(client, keys.intervalRows),
      loadSessions(client, keys, now),
    ]);
  const records = [...contacts.entries()].map(([id, json]) => ({
    record: JSON.parse(json) as ContactRecord,
    ordinal: Number(order.get(id) ?? Number.MAX_SAFE_INTEGER),
  }));
  records.sort((a, b) => a.record.queuedAt - b.record.queuedAt || a.ordinal - b.ordinal);
  return {
    config: config === null ? null : (JSON.parse(config) as CenterConfig),
    customers: byIdNumber([...customers.values()].map((j) => JSON.parse(j) as Customer)),
    erased: new Map([...erased].map(([id, at]) => [id, Number(at)])),
    contacts: records,
    users: byIdNumber([...users.values()].map((j) => JSON.parse(j) as User)),
    usersLast: Number(usersLast ?? 0),
    sessions,
    intervalRows: [...rows.values()].map((j) => JSON.parse(j) as unknown),
  };
}

/** Every field of a hash, a page at a time so a large hash never blocks Redis. */
export async function readHash(client: RedisConnection, key: string): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  let cursor = '0';
  do {
    const reply = await client.hScan(key, cursor, { COUNT: page });
    for (const { field, value } of reply.entries) fields.set(String(field), String(value));
    cursor = String(reply.cursor);
  } while (cursor !== '0');
  return fields;
}

async function loadSessions(
  client: RedisConnection,
  keys: CenterKeys,
  now: number,
): Promise<Session[]> {
  const hashes = await client.zRangeByScore(keys.sessions, `(${now}`, '+inf');
  const sessions: Session[] = [];
  for (let i = 0; i < hashes.length; i += page) {
    const chunk = hashes.slice(i, i + page);
    const values = await client.mGet(chunk.map((h) => keys.session(String(h))));
    // A missing value expired in Redis between the two reads.
    for (const json of values)
      if (json !== null) sessions.push(JSON.parse(String(json)) as Session);
  }
  return sessions;
}

function byIdNumber<T extends { id: string }>(items: T[]): T[] {
  const n = (id: string) => Number(id.replace(/^\D+/, '')) || 0;
  return items.sort((a, b) => n(a.id) - n(b.id) || a.id.localeCompare(b.id));
}
