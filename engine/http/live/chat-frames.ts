/**
 * The chat part of the `/api/ws` protocol. Clients send `chat.send` (acked
 * with `chat.ack`, the message then delivered to everyone on the contact as
 * `chat.message`), `chat.resume` (every message after a seq, in order; for
 * staff it also opens the chat read-only), `chat.typing` and `chat.leave`
 * (staff stop watching). A refused frame gets an `error` naming it.
 */
import { z } from '@hono/zod-openapi';
import { ChatAuthor, maxChatChars, type ChatMessage } from '../../chat/chat-message.js';
import { freeText } from '../free-text.js';
import type { ProblemDocument } from '../problem.js';

const ContactId = z.string().min(1).max(64);
/** Chosen by the sending page, so that a resend after a reconnect is not stored twice. */
const ClientId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const ChatSendFrame = z.strictObject({
  type: z.literal('chat.send'),
  contactId: ContactId,
  clientId: ClientId,
  text: freeText({ max: maxChatChars, multiline: true }),
});

export const ChatResumeFrame = z.strictObject({
  type: z.literal('chat.resume'),
  contactId: ContactId,
  /** The seq of the last message the client has; 0 for the whole transcript. */
  after: z.number().int().min(0),
});

export const ChatTypingFrame = z.strictObject({
  type: z.literal('chat.typing'),
  contactId: ContactId,
});

export const ChatLeaveFrame = z.strictObject({
  type: z.literal('chat.leave'),
  contactId: ContactId,
});

export const chatFrameSchemas = [
  ChatSendFrame,
  ChatResumeFrame,
  ChatTypingFrame,
  ChatLeaveFrame,
] as const;

export type ChatFrame =
  | z.infer<typeof ChatSendFrame>
  | z.infer<typeof ChatResumeFrame>
  | z.infer<typeof ChatTypingFrame>
  | z.infer<typeof ChatLeaveFrame>;

export type ChatServerMessage =
  | { kind: 'chat.ack'; contactId: string; clientId: string; messageId: string; seq: number }
  | ({ kind: 'chat.message' } & ChatMessage)
  | { kind: 'chat.typing'; contactId: string; from: 'customer' | 'agent' }
  /** Every message after `after` has been sent; `lastSeq` is the newest. */
  | { kind: 'chat.resumed'; contactId: string; lastSeq: number };

/** A refusal of one conversation frame, naming it so the page can mark it failed. */
export interface ConversationError {
  kind: 'error';
  problem: ProblemDocument;
  frame: { type: string; contactId: string; clientId?: string };
}

export { ChatAuthor };
