/** Conversations in the SQLite file: transcripts in order, once each, and forgotten with the customer. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredChatMessage } from '../chat/chat-message.js';
import { newContactRecord } from '../records.js';
import { SqliteStore } from './sqlite-store.js';

const folders: string[] = [];
function openStore(): { store: SqliteStore; path: string } {
  const folder = mkdtempSync(join(tmpdir(), 'switchboard-conv-'));
  folders.push(folder);
  const path = join(folder, 'test.db');
  return { store: new SqliteStore({ path, now: () => 1 }), path };
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function message(seq: number, clientKey = `customer:k${seq}`): StoredChatMessage {
  return {
    contactId: 'c1',
    messageId: `m${seq}`,
    seq,
    from: 'customer',
    text: `line ${seq}`,
    at: 1_000 + seq,
    authorId: null,
    clientKey,
  };
}

describe('conversations in the SQLite store', () => {
  it('lists a transcript in seq order, after a given seq, across a reopen', () => {
    const { store, path } = openStore();
    for (const seq of [1, 2, 3]) store.conversations.appendChatMessage(message(seq));
    store.close();

    const reopened = new SqliteStore({ path });

    expect(reopened.conversations.listChatMessages('c1', 1).map((m) => m.seq)).toEqual([2, 3]);
    expect(reopened.conversations.lastChatSeq('c1')).toBe(3);
    expect(reopened.conversations.findChatMessage('c1', 'customer:k2')?.messageId).toBe('m2');
    reopened.close();
  });

  it('refuses a second message with the same seq or client key', () => {
    const { store } = openStore();
    store.conversations.appendChatMessage(message(1));

    expect(() => store.conversations.appendChatMessage(message(1, 'customer:other'))).toThrow();
    expect(() => store.conversations.appendChatMessage(message(2, 'customer:k1'))).toThrow();
    store.close();
  });

  it("forgets an erased customer's chats and call times", () => {
    const { store } = openStore();
    const ana = store.upsertCustomer({ name: 'Ana', email: 'ana@example.com' });
    store.saveContact({ ...baseRecord(), customerId: ana.id });
    store.conversations.appendChatMessage(message(1));
    store.conversations.saveMedia({
      contactId: 'c1',
      connectedAt: 1,
      endedAt: 2,
      endedBy: 'agent',
      mutes: [],
    });

    store.eraseCustomer(ana.id, 5);

    expect(store.conversations.listChatMessages('c1')).toEqual([]);
    expect(store.conversations.getMedia('c1')).toBeNull();
    store.close();
  });
});

function baseRecord() {
  return newContactRecord({
    id: 'c1',
    channel: 'chat',
    firstQueueId: 'billing',
    queuedAt: 1,
    outcome: 'completed',
  });
}
