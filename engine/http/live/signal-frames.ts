/**
 * The WebRTC part of the `/api/ws` protocol: an offer, an answer and ICE
 * candidates passed between the customer's page and the agent's desk of a
 * connected voice contact, and `rtc.media` reports (connected, mute, hang
 * up) that the server records and passes on. The server never reads the
 * SDP; it bounds its size and checks who sends it to whom.
 */
import { z } from '@hono/zod-openapi';
import type { CallParty } from '../../chat/media-record.js';

const ContactId = z.string().min(1).max(64);

/** An RTCSessionDescriptionInit. */
const Description = z.strictObject({
  type: z.enum(['offer', 'answer']),
  sdp: z.string().min(1).max(12_000),
});

/** An RTCIceCandidateInit; null marks the end of candidates. */
const Candidate = z
  .strictObject({
    candidate: z.string().max(1_000),
    sdpMid: z.string().max(64).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  })
  .nullable();

export const RtcOfferFrame = z.strictObject({
  type: z.literal('rtc.offer'),
  contactId: ContactId,
  payload: Description,
});
export const RtcAnswerFrame = z.strictObject({
  type: z.literal('rtc.answer'),
  contactId: ContactId,
  payload: Description,
});
export const RtcIceFrame = z.strictObject({
  type: z.literal('rtc.ice'),
  contactId: ContactId,
  payload: Candidate,
});
export const RtcMediaFrame = z.strictObject({
  type: z.literal('rtc.media'),
  contactId: ContactId,
  event: z.enum(['connected', 'muted', 'unmuted', 'hangup']),
});

export const signalFrameSchemas = [
  RtcOfferFrame,
  RtcAnswerFrame,
  RtcIceFrame,
  RtcMediaFrame,
] as const;

export type SignalFrame =
  | z.infer<typeof RtcOfferFrame>
  | z.infer<typeof RtcAnswerFrame>
  | z.infer<typeof RtcIceFrame>
  | z.infer<typeof RtcMediaFrame>;

export type SignalServerMessage =
  | {
      kind: 'rtc.signal';
      contactId: string;
      from: CallParty;
      signal: 'offer' | 'answer' | 'ice';
      payload: unknown;
    }
  | {
      kind: 'rtc.media';
      contactId: string;
      from: CallParty;
      event: 'connected' | 'muted' | 'unmuted' | 'hangup';
    };
