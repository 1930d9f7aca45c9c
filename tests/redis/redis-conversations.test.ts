/**
 * Conversations on Redis: transcripts in order and once each, media and
 * callback attempts kept across a reopen, and nothing written by an
 * engine whose fencing token is no longer the center's.
 */
import { describe, expect, it } from 'vitest';
import { firstAttempt } from '../../engine/chat/callback-attempt.js';
import type { StoredChatMessage } from '../../engine/chat/chat-message.js';
import { centerKeys } from '../../engine/redis/center-keys.js';
import { FencedError, FencedWriter } from '../../engine/redis/fenced-writer.js';
import { RedisStore } from '../../engine/redis/redis-store.js';
import { redisAnswers, suiteTitle, useRedis } from './redis-test-kit.js';

const reachable = await redisAnswers();

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

describe.skipIf(!reachable)(suiteTitle('conversations in the Redis store', reachable), () => {
  const redis = useRedis();
  const open = () => RedisStore.open({ client: redis.client, prefix: redis.prefix });

  it('lists a transcript in seq order, after a given seq, across a reopen', async () => {
    const first = await open();
    for (const seq of [1, 2, 3]) first.conversations.appendChatMessage(message(seq));
    await first.flush();

    const second = await open();

    expect(second.conversations.listChatMessages('c1', 1).map((m) => m.seq)).toEqual([2, 3]);
    expect(second.conversations.lastChatSeq('c1')).toBe(3);
    expect(second.conversations.findChatMessage('c1', 'customer:k2')?.messageId).toBe('m2');
    expect(second.conversations.listChatMessages('c2')).toEqual([]);
  });

  it('refuses a second message with the same seq or client key', async () => {
    const store = await open();
    store.conversations.appendChatMessage(message(1));

    expect(() => store.conversations.appendChatMessage(message(1, 'customer:other'))).toThrow();
    expect(() => store.conversations.appendChatMessage(message(2, 'customer:k1'))).toThrow();
  });

  it('keeps call media and callback attempts, and lists the retries still due', async () => {
    const first = await open();
    first.conversations.saveMedia({
      contactId: 'c1',
      connectedAt: 10,
      endedAt: 20,
      endedBy: 'customer',
      mutes: [{ by: 'agent', muted: true, at: 15 }],
    });
    first.conversations.saveCallbackAttempt({
      ...firstAttempt('cb1'),
      outcome: 'no_answer',
      retryDueAt: 9_000,
    });
    first.conversations.saveCallbackAttempt({
      ...firstAttempt('cb2'),
      outcome: 'no_answer',
      retryDueAt: 5_000,
    });
    first.conversations.saveCallbackAttempt({
      ...firstAttempt('cb3'),
      retryDueAt: 1_000,
      retryContactId: 'cb4',
    });
    await first.flush();

    const second = await open();

    expect(second.conversations.getMedia('c1')?.mutes).toEqual([
      { by: 'agent', muted: true, at: 15 },
    ]);
    expect(second.conversations.getCallbackAttempt('cb3')?.retryContactId).toBe('cb4');
    expect(second.conversations.listDueCallbackRetries().map((a) => a.contactId)).toEqual([
      'cb2',
      'cb1',
    ]);
  });

  it('writes nothing for an engine that another engine has fenced off', async () => {
    const keys = centerKeys(redis.prefix);
    await redis.client.set(keys.fence, '1');
    const writer = new FencedWriter({ client: redis.client, fenceKey: keys.fence, token: 1 });
    const deposed = await RedisStore.open({ client: redis.client, prefix: redis.prefix, writer });
    await redis.client.set(keys.fence, '2'); // a standby took the lease

    deposed.conversations.appendChatMessage(message(1));
    const refusal = await deposed.flush().catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(FencedError);
    expect(await redis.client.exists(keys.chatMessages)).toBe(0);
    expect((await open()).conversations.listChatMessages('c1')).toEqual([]);
  });
});
