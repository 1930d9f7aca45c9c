/**
 * What conversations need kept: chat transcripts, call media times and
 * callback attempts, each by contact. Apart from `Store` so that the
 * engine's own store contract stays small; the SQLite and memory stores
 * implement both.
 */
import type { CallbackAttempt } from './callback-attempt.js';
import type { StoredChatMessage } from './chat-message.js';
import type { MediaRecord } from './media-record.js';

export interface ConversationStore {
  /** Throws if the contact already has a message with this seq or client key. */
  appendChatMessage(message: StoredChatMessage): void;
  /** Messages with a seq above `afterSeq` (default 0), in seq order. */
  listChatMessages(contactId: string, afterSeq?: number): StoredChatMessage[];
  findChatMessage(contactId: string, clientKey: string): StoredChatMessage | null;
  /** The highest seq the contact's transcript has; 0 when empty. */
  lastChatSeq(contactId: string): number;
  saveMedia(record: MediaRecord): void;
  getMedia(contactId: string): MediaRecord | null;
  saveCallbackAttempt(attempt: CallbackAttempt): void;
  getCallbackAttempt(contactId: string): CallbackAttempt | null;
  /** Attempts with a retry due but not yet queued (to re-arm after a restart). */
  listDueCallbackRetries(): CallbackAttempt[];
}
