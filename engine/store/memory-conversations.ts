/** The conversation store in memory, for tests and the memory store. */
import type { CallbackAttempt } from '../chat/callback-attempt.js';
import type { StoredChatMessage } from '../chat/chat-message.js';
import type { ConversationStore } from '../chat/conversation-store.js';
import type { MediaRecord } from '../chat/media-record.js';

export class MemoryConversations implements ConversationStore {
  private readonly chats = new Map<string, StoredChatMessage[]>();
  private readonly media = new Map<string, MediaRecord>();
  private readonly callbacks = new Map<string, CallbackAttempt>();

  appendChatMessage(message: StoredChatMessage): void {
    const list = this.chats.get(message.contactId) ?? [];
    if (list.some((m) => m.seq === message.seq || m.clientKey === message.clientKey)) {
      throw new Error(
        `contact ${message.contactId} already has message ${message.seq} or ${message.clientKey}`,
      );
    }
    list.push(message);
    this.chats.set(message.contactId, list);
  }

  listChatMessages(contactId: string, afterSeq = 0): StoredChatMessage[] {
    return (this.chats.get(contactId) ?? []).filter((m) => m.seq > afterSeq);
  }

  findChatMessage(contactId: string, clientKey: string): StoredChatMessage | null {
    return this.chats.get(contactId)?.find((m) => m.clientKey === clientKey) ?? null;
  }

  lastChatSeq(contactId: string): number {
    return this.chats.get(contactId)?.at(-1)?.seq ?? 0;
  }

  saveMedia(record: MediaRecord): void {
    this.media.set(record.contactId, structuredClone(record));
  }

  getMedia(contactId: string): MediaRecord | null {
    const found = this.media.get(contactId);
    return found ? structuredClone(found) : null;
  }

  saveCallbackAttempt(attempt: CallbackAttempt): void {
    this.callbacks.set(attempt.contactId, { ...attempt });
  }

  getCallbackAttempt(contactId: string): CallbackAttempt | null {
    const found = this.callbacks.get(contactId);
    return found ? { ...found } : null;
  }

  listDueCallbackRetries(): CallbackAttempt[] {
    return [...this.callbacks.values()].filter(
      (a) => a.retryDueAt !== null && a.retryContactId === null,
    );
  }

  /** Forgets what the customer wrote and said on these contacts (erasure). */
  forgetContacts(contactIds: Iterable<string>): void {
    for (const id of contactIds) {
      this.chats.delete(id);
      this.media.delete(id);
    }
  }
}
