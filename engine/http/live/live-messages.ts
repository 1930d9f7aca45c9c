/**
 * The WebSocket protocol of `/api/ws`. The server sends events, snapshots,
 * pongs and problems; a client may send a ping or ask to resync. Client
 * frames are validated with zod like any request body.
 */
import { z } from '@hono/zod-openapi';
import type { DomainEvent } from '../../events.js';
import type { RealtimeSnapshot } from '../../stats/index.js';
import type { ProblemDocument } from '../problem.js';
import type { ChatServerMessage, ConversationError } from './chat-frames.js';
import { chatFrameSchemas } from './chat-frames.js';
import type { CustomerEvent } from './customer-event.js';
import type { SignalServerMessage } from './signal-frames.js';
import { signalFrameSchemas } from './signal-frames.js';

export const ClientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ping') }),
  /** Send what came after `since`, or a snapshot when that is gone. */
  z.strictObject({ type: z.literal('resync'), since: z.number().int().min(0).optional() }),
  // Conversations: chat-frames.ts and signal-frames.ts.
  ...chatFrameSchemas,
  ...signalFrameSchemas,
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const LiveQuery = z.object({
  /** The seq of the last event the client saw, to resume after it. */
  since: z.coerce.number().int().min(0).optional(),
  /** A bearer or customer token, for clients that cannot set headers. */
  token: z.string().min(20).max(200).optional(),
});

export type ServerMessage =
  | { kind: 'event'; event: DomainEvent | CustomerEvent }
  /** The state as of `seq`; events after it follow. */
  | { kind: 'snapshot'; seq: number; state: unknown }
  | { kind: 'pong'; seq: number }
  /** Supervisors only: the live statistics, at most once a second. */
  | { kind: 'stats.realtime'; snapshot: RealtimeSnapshot }
  | { kind: 'error'; problem: ProblemDocument }
  | ConversationError
  | ChatServerMessage
  | SignalServerMessage;
