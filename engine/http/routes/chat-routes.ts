/**
 * Reading a contact's conversation over HTTP: its chat transcript, the
 * times of its browser call and its callback tries, for the customer
 * (without whispers), the agents it was with, the agent now with the same
 * customer (the history beside the next contact) and staff. And the ICE
 * servers browsers need to place calls.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.js';
import { CallbackAttempt } from '../../chat/callback-attempt.js';
import { ChatMessage } from '../../chat/chat-message.js';
import { refusalStatus } from '../../chat/chat-refusal.js';
import { IceServer } from '../../chat/conversation-config.js';
import type { ConversationServices } from '../../chat/conversation-services.js';
import { MediaRecord } from '../../chat/media-record.js';
import type { ApiApp } from '../api-app.js';
import { guard } from '../authenticate.js';
import { HttpProblem, problemResponses } from '../problem.js';
import { ContactParams, json, signedIn } from './route-parts.js';

export const Transcript = z
  .object({
    contactId: z.string(),
    /** In seq order. */
    messages: z.array(ChatMessage),
    /** The browser call, for a voice contact that had one. */
    media: MediaRecord.nullable(),
    /** Every try of the callback request this contact belongs to, first to last. */
    callbacks: z.array(CallbackAttempt),
  })
  .openapi('Transcript');

const transcriptRoute = createRoute({
  method: 'get',
  path: '/api/contacts/{id}/transcript',
  tags: ['conversations'],
  summary: "A contact's chat transcript, call times and callback tries",
  description:
    'The customer gets its own contact without whispers. Agents get the contacts they were ' +
    'offered or handled, and the earlier contacts of a customer they are with now.',
  security: signedIn,
  middleware: [guard('contact.read')],
  request: { params: ContactParams },
  responses: {
    200: json(Transcript, 'The conversation.'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const rtcConfigRoute = createRoute({
  method: 'get',
  path: '/api/rtc/config',
  tags: ['conversations'],
  summary: 'The ICE servers pages use for browser calls (ICE_SERVERS)',
  security: signedIn,
  middleware: [guard('session.read')],
  responses: {
    200: json(z.object({ iceServers: z.array(IceServer) }).openapi('RtcConfig'), 'The config.'),
    ...problemResponses(401),
  },
});

export function registerChatRoutes(app: ApiApp, services: ConversationServices): void {
  app.openapi(transcriptRoute, function readTranscript(c) {
    const { id } = c.req.valid('param');
    const p = authorize(c.get('principal'), 'contact.read');

    const read = services.chats.read(p, id);
    if (read.kind === 'refused') {
      throw new HttpProblem(refusalStatus[read.code], read.code, read.detail);
    }
    const media = services.store.getMedia(id);
    const callbacks = services.callbacks.chain(id);

    return c.json({ contactId: id, messages: read.messages, media, callbacks }, 200);
  });

  app.openapi(rtcConfigRoute, function rtcConfig(c) {
    authorize(c.get('principal'), 'session.read');
    return c.json({ iceServers: services.config.iceServers }, 200);
  });
}
