/**
 * Customer routes: anyone may open a contact (a limited number per client
 * address) and gets back a token scoped to it; with that token the
 * customer follows its place in line, leaves, or asks to be called back.
 * Staff and the handling agent may read it too.
 */
import { randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.js';
import { EngineError } from '../../errors.js';
import { Channel } from '../../records.js';
import type { ApiApp, RouteDeps } from '../api-app.js';
import { guard } from '../authenticate.js';
import { freeText } from '../free-text.js';
import { problemResponses } from '../problem.js';
import { rateLimit } from '../rate-limit.js';
import {
  ContactDetail,
  ContactView,
  contactDetail,
  contactRelation,
  contactView,
  forCustomer,
} from '../views/contact-view.js';
import { ContactParams, json, jsonBody, signedIn } from './route-parts.js';

const Skill = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/);

const NewContact = z
  .strictObject({
    channel: Channel,
    /** A queue id, or a skill that one queue requires. */
    topic: Skill.optional(),
    queueId: Skill.optional(),
    /** Matched as a skill the agent must have. */
    language: Skill.optional(),
    customer: z.strictObject({
      name: freeText({ max: 200 }),
      email: z.string().email().max(320).optional(),
      phone: z
        .string()
        .regex(/^\+?[0-9 ()-]{3,32}$/)
        .optional(),
    }),
  })
  .refine((body) => body.channel !== 'callback' || body.customer.phone !== undefined, {
    message: 'a callback needs a phone number to call',
    path: ['customer', 'phone'],
  })
  .openapi('NewContact');

const CreatedContact = z
  .object({
    contactId: z.string(),
    /** Present it as `Authorization: Bearer` (or `?token=` on /api/ws). */
    token: z.string(),
    tokenExpiresAt: z.number(),
    state: ContactView.shape.state,
    position: z.number().int().nullable(),
    estimatedWaitSec: z.number().int().nullable(),
  })
  .openapi('CreatedContact');

const Topics = z
  .object({
    /** Send `id` as the contact's `topic`; the list is in configuration order. */
    topics: z.array(z.object({ id: z.string(), label: z.string() })),
  })
  .openapi('Topics');

const topicsRoute = createRoute({
  method: 'get',
  path: '/api/topics',
  tags: ['customers'],
  summary: 'What a customer may say a contact is about',
  description:
    'The queues configured with a `topic` label, for the customer page. Public: it names no ' +
    'agent and no contact.',
  responses: { 200: json(Topics, 'The topics.') },
});

function createContactRoute(deps: RouteDeps) {
  const { contactsPerMinute, contactBurst } = deps.security;
  return createRoute({
    method: 'post',
    path: '/api/contacts',
    tags: ['customers'],
    summary: 'Open a contact (chat, voice or callback)',
    description:
      `One client address may open ${contactBurst} contacts at once and ${contactsPerMinute} ` +
      'a minute after that; past it the answer is 429 with Retry-After.',
    middleware: [
      rateLimit({
        perMinute: contactsPerMinute,
        burst: contactBurst,
        now: deps.now,
        keyOf: deps.clientAddress,
        what: 'new contacts',
      }),
    ],
    request: { body: jsonBody(NewContact) },
    responses: {
      201: json(CreatedContact, 'Offered to an agent or queued. Keep the token: it is shown once.'),
      ...problemResponses(400, 422, 429),
    },
  });
}

const readContactRoute = createRoute({
  method: 'get',
  path: '/api/contacts/{id}',
  tags: ['customers'],
  summary: 'A contact: state, place in line, estimated wait',
  description:
    'Staff and the handling agent also get the customer and their history; the customer ' +
    'gets its own contact without agent ids, profile or notes.',
  security: signedIn,
  middleware: [guard('contact.read')],
  request: { params: ContactParams },
  responses: {
    200: json(ContactDetail, 'The contact.'),
    ...problemResponses(400, 401, 403, 404),
  },
});

const abandonRoute = createRoute({
  method: 'post',
  path: '/api/contacts/{id}/abandon',
  tags: ['customers'],
  summary: 'Leave: the customer hangs up or closes the chat',
  security: signedIn,
  middleware: [guard('contact.leave')],
  request: { params: ContactParams },
  responses: {
    200: json(ContactView, 'The contact, now abandoned.'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const callbackRoute = createRoute({
  method: 'post',
  path: '/api/contacts/{id}/callback',
  tags: ['customers'],
  summary: 'Ask to be called back instead of waiting; keeps the place in line',
  security: signedIn,
  middleware: [guard('contact.leave')],
  request: { params: ContactParams },
  responses: {
    200: json(ContactView, 'The contact.'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function registerCustomerRoutes(app: ApiApp, deps: RouteDeps): void {
  app.openapi(topicsRoute, function listTopics(c) {
    const topics = deps.center.configuration.queues.flatMap((q) =>
      q.topic === undefined ? [] : [{ id: q.id, label: q.topic }],
    );
    return c.json({ topics }, 200);
  });

  app.openapi(createContactRoute(deps), function createContact(c) {
    const body = c.req.valid('json');

    const outcome = deps.center.createContact({ ...body, id: newContactId() });
    if (outcome.kind === 'rejected') throw new EngineError(outcome.reason, outcome.detail);
    const issued = deps.sessions.issueForContact(outcome.contactId);

    const view = contactView(deps, outcome.contactId);
    return c.json(
      {
        contactId: view.contactId,
        token: issued.token,
        tokenExpiresAt: issued.expiresAt,
        state: view.state,
        position: view.position,
        estimatedWaitSec: view.estimatedWaitSec,
      },
      201,
    );
  });

  app.openapi(readContactRoute, function readContact(c) {
    const { id } = c.req.valid('param');

    const p = authorize(c.get('principal'), 'contact.read', {
      contactId: id,
      relation: contactRelation(deps, id),
    });

    if (p.kind === 'customer')
      return c.json({ ...forCustomer(contactView(deps, id)), customer: null }, 200);
    return c.json(contactDetail(deps, id, true), 200);
  });

  app.openapi(abandonRoute, function abandonContact(c) {
    const { id } = c.req.valid('param');
    authorize(c.get('principal'), 'contact.leave', { contactId: id, relation: null });

    deps.center.abandon(id);

    return c.json(forCustomer(contactView(deps, id)), 200);
  });

  app.openapi(callbackRoute, function requestCallback(c) {
    const { id } = c.req.valid('param');
    authorize(c.get('principal'), 'contact.leave', { contactId: id, relation: null });

    deps.center.requestCallback(id);

    return c.json(forCustomer(contactView(deps, id)), 200);
  });
}

/**
 * Ids the API picks itself: unique across restarts (the engine's own
 * counter starts over, and records of earlier runs stay in the store).
 */
function newContactId(): string {
  return `c_${randomBytes(9).toString('base64url')}`;
}
