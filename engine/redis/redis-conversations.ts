/**
 * The conversation store on Redis (chat transcripts, call media times,
 * callback attempts), write-behind like RedisStore whose `conversations`
 * it is: `open` loads the three hashes into memory, reads are answered
 * from memory, and every write goes through the center's FencedWriter, in
 * order with the store's, the journal's and the events'. Keys are listed
 * in center-keys.ts.
 */
import type { CallbackAttempt } from '../chat/callback-attempt.js';
import type { StoredChatMessage } from '../chat/chat-message.js';
import type { ConversationStore } from '../chat/conversation-store.js';
import type { MediaRecord } from '../chat/media-record.js';
import type { CenterKeys } from './center-keys.js';
import type { FencedWriter, WriteOp } from './fenced-writer.js';
import type { RedisConnection } from './redis-connection.js';
import { readHash } from './store-snapshot.js';

export class RedisConversations implements ConversationStore {
  /** Per contact, in seq order. */
  private readonly chats = new Map<string, StoredChatMessage[]>();
  private readonly media = new Map<string, MediaRecord>();
  private readonly callbacks = new Map<string, CallbackAttempt>();

  private constructor(
    private readonly writer: FencedWriter,
    private readonly keys: CenterKeys,
  ) {}

  static async open(
    client: RedisConnection,
    keys: CenterKeys,
    writer: FencedWriter,
  ): Promise<RedisConversations> {
    const store = new RedisConversations(writer, keys);
    const [chats, media, callbacks] = await Promise.all([
      readHash(client, keys.chatMessages),
      readHash(client, keys.callMedia),
      readHash(client, keys.callbackAttempts),
    ]);
    // Values were written by this class from objects the server built.
    for (const json of chats.values()) store.remember(JSON.parse(json) as StoredChatMessage);
    for (const json of media.values()) {
      const record = JSON.parse(json) as MediaRecord;
      store.media.set(record.contactId, record);
    }
    for (const json of callbacks.values()) {
      const attempt = JSON.parse(json) as CallbackAttempt;
      store.callbacks.set(attempt.contactId, attempt);
    }
    return store;
  }

  appendChatMessage(message: StoredChatMessage): void {
    const list = this.chats.get(message.contactId) ?? [];
    if (list.some((m) => m.seq === message.seq || m.clientKey === message.clientKey)) {
      throw new Error(
        `contact ${message.contactId} already has message ${message.seq} or ${message.clientKey}`,
      );
    }
    const saved = { ...message };
    this.remember(saved);
    this.writer.write({
      command: 'HSET',
      key: this.keys.chatMessages,
      args: [chatField(saved), JSON.stringify(saved)],
    });
  }

  listChatMessages(contactId: string, afterSeq = 0): StoredChatMessage[] {
    return (this.chats.get(contactId) ?? []).filter((m) => m.seq > afterSeq).map((m) => ({ ...m }));
  }

  findChatMessage(contactId: string, clientKey: string): StoredChatMessage | null {
    const found = this.chats.get(contactId)?.find((m) => m.clientKey === clientKey);
    return found ? { ...found } : null;
  }

  lastChatSeq(contactId: string): number {
    return this.chats.get(contactId)?.at(-1)?.seq ?? 0;
  }

  saveMedia(record: MediaRecord): void {
    const saved = structuredClone(record);
    this.media.set(saved.contactId, saved);
    this.writer.write({
      command: 'HSET',
      key: this.keys.callMedia,
      args: [saved.contactId, JSON.stringify(saved)],
    });
  }

  getMedia(contactId: string): MediaRecord | null {
    const found = this.media.get(contactId);
    return found ? structuredClone(found) : null;
  }

  saveCallbackAttempt(attempt: CallbackAttempt): void {
    const saved = { ...attempt };
    this.callbacks.set(saved.contactId, saved);
    this.writer.write({
      command: 'HSET',
      key: this.keys.callbackAttempts,
      args: [saved.contactId, JSON.stringify(saved)],
    });
  }

  getCallbackAttempt(contactId: string): CallbackAttempt | null {
    const found = this.callbacks.get(contactId);
    return found ? { ...found } : null;
  }

  listDueCallbackRetries(): CallbackAttempt[] {
    return [...this.callbacks.values()]
      .filter((a) => a.retryDueAt !== null && a.retryContactId === null)
      .sort((a, b) => (a.retryDueAt ?? 0) - (b.retryDueAt ?? 0))
      .map((a) => ({ ...a }));
  }

  /**
   * Forgets what the customer wrote and said on these contacts (erasure);
   * callback attempts hold no words of theirs and stay, as in SQLite.
   */
  forgetContacts(contactIds: Iterable<string>): void {
    const ops: WriteOp[] = [];
    for (const id of contactIds) {
      const fields = (this.chats.get(id) ?? []).map(chatField);
      if (fields.length > 0)
        ops.push({ command: 'HDEL', key: this.keys.chatMessages, args: fields });
      if (this.media.has(id)) ops.push({ command: 'HDEL', key: this.keys.callMedia, args: [id] });
      this.chats.delete(id);
      this.media.delete(id);
    }
    this.writer.write(...ops);
  }

  private remember(message: StoredChatMessage): void {
    const list = this.chats.get(message.contactId) ?? [];
    list.push(message);
    // Appends come in seq order; the hash loads in any order.
    if (list.length > 1 && list.at(-2)!.seq > message.seq) list.sort((a, b) => a.seq - b.seq);
    this.chats.set(message.contactId, list);
  }
}

function chatField(message: StoredChatMessage): string {
  return `${message.contactId}:${message.seq}`;
}
