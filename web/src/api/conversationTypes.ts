/**
 * The conversation part of `/api/ws` and its HTTP reads, as the pages see
 * them (engine/http/live/chat-frames.ts, signal-frames.ts and
 * engine/chat): chat messages and their acks, WebRTC signalling, call
 * times and callback tries.
 */
import type { Problem } from './types';

export type ChatAuthor = 'customer' | 'agent' | 'supervisor-whisper';
export type CallParty = 'customer' | 'agent';
export type CallEvent = 'connected' | 'muted' | 'unmuted' | 'hangup';

/** Longest message the server accepts, in UTF-16 code units (`maxLength` counts the same). */
export const maxChatChars = 4_000;

export interface ChatMessage {
  contactId: string;
  messageId: string;
  /** 1, 2, 3… per contact; customers never see whispers, so they may see gaps. */
  seq: number;
  from: ChatAuthor;
  text: string;
  at: number;
}

/** What a page may send on the socket. */
export type ClientFrame =
  | { type: 'ping' }
  | { type: 'resync'; since?: number }
  | { type: 'chat.send'; contactId: string; clientId: string; text: string }
  | { type: 'chat.resume'; contactId: string; after: number }
  | { type: 'chat.typing'; contactId: string }
  | { type: 'chat.leave'; contactId: string }
  | { type: 'rtc.offer' | 'rtc.answer'; contactId: string; payload: RTCSessionDescriptionInit }
  | { type: 'rtc.ice'; contactId: string; payload: RTCIceCandidateInit | null }
  | { type: 'rtc.media'; contactId: string; event: CallEvent };

export type ConversationMessage =
  | { kind: 'chat.ack'; contactId: string; clientId: string; messageId: string; seq: number }
  | ({ kind: 'chat.message' } & ChatMessage)
  | { kind: 'chat.typing'; contactId: string; from: CallParty }
  | { kind: 'chat.resumed'; contactId: string; lastSeq: number }
  | {
      kind: 'rtc.signal';
      contactId: string;
      from: CallParty;
      signal: 'offer' | 'answer' | 'ice';
      payload: unknown;
    }
  | { kind: 'rtc.media'; contactId: string; from: CallParty; event: CallEvent };

/** An error frame; a refused conversation frame is named in `frame`. */
export interface ErrorMessage {
  kind: 'error';
  problem: Problem;
  frame?: { type: string; contactId: string; clientId?: string };
}

export interface MediaRecord {
  contactId: string;
  connectedAt: number | null;
  endedAt: number | null;
  endedBy: CallParty | null;
  mutes: { by: CallParty; muted: boolean; at: number }[];
}

export interface CallbackAttempt {
  contactId: string;
  retryOf: string | null;
  attempt: number;
  dialedAt: number | null;
  outcome: 'reached' | 'no_answer' | null;
  outcomeAt: number | null;
  retryDueAt: number | null;
  retryContactId: string | null;
}

export interface Transcript {
  contactId: string;
  messages: ChatMessage[];
  media: MediaRecord | null;
  callbacks: CallbackAttempt[];
}
