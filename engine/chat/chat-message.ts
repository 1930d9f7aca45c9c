/**
 * One line of a contact's conversation: what the customer, the agent or a
 * supervisor (a whisper, for the agent only) wrote, numbered per contact
 * so a client that reconnects asks for what came after the last it saw.
 */
import { z } from 'zod';

export const chatAuthors = ['customer', 'agent', 'supervisor-whisper'] as const;
export const ChatAuthor = z.enum(chatAuthors);
export type ChatAuthor = z.infer<typeof ChatAuthor>;

/** Longest message, in UTF-16 code units (what `String.length` and `maxLength` count). */
export const maxChatChars = 4_000;

/** What clients are sent and transcripts list. */
export const ChatMessage = z.object({
  contactId: z.string(),
  messageId: z.string(),
  /** 1, 2, 3… per contact, whispers included; the order of the conversation. */
  seq: z.number().int(),
  from: ChatAuthor,
  text: z.string(),
  at: z.number(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** What the store keeps beside it: who wrote it, and the sender's own id for retries. */
export interface StoredChatMessage extends ChatMessage {
  /** The agent or staff user id; null for the customer. */
  authorId: string | null;
  /**
   * `<author>:<clientId>`: a resend of the same client message (after a
   * reconnect, before its ack arrived) finds it and is not stored twice.
   */
  clientKey: string;
}

/** The public form: no author ids, no client keys. */
export function publicMessage(m: StoredChatMessage): ChatMessage {
  return {
    contactId: m.contactId,
    messageId: m.messageId,
    seq: m.seq,
    from: m.from,
    text: m.text,
    at: m.at,
  };
}
