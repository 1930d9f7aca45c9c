/**
 * The agent desk. Every route acts as the engine agent the signed-in user
 * is linked to, never another: presence (login, ready, not ready, logout)
 * and the contacts offered or assigned to it (another agent's contact is
 * refused with 403 by the authorization module). Each answers with the desk.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize, authorizeAgent } from '../../auth/authorize.js';
import { EngineError } from '../../errors.js';
import type { ApiApp, RouteDeps } from '../api-app.js';
import { guard } from '../authenticate.js';
import { freeText } from '../free-text.js';
import { problemResponses } from '../problem.js';
import { AgentView, agentView } from '../views/agent-view.js';
import { ContactDetail, contactDetail, contactRelation } from '../views/contact-view.js';
import { ContactParams, json, jsonBody, signedIn } from './route-parts.js';

const NotReady = z.strictObject({ reason: freeText({ max: 100 }) }).openapi('NotReady');
const WrapUp = z
  .strictObject({
    /** The agent's note on how it ended; may run over several lines. */
    disposition: freeText({ max: 200, multiline: true }).nullable().default(null),
  })
  .openapi('WrapUp');

const desk = json(
  AgentView,
  "The agent's desk: state, offers and contacts, each customer with history.",
);
const agentOnly = { tags: ['agents'], security: signedIn, middleware: [guard('agent.act')] };

function presenceRoute(path: string, summary: string) {
  return createRoute({
    method: 'post',
    path: `/api/agent/${path}`,
    summary,
    ...agentOnly,
    responses: { 200: desk, ...problemResponses(401, 403, 409) },
  });
}

const loginRoute = presenceRoute('login', 'Log in to the center (not the HTTP session)');
const logoutRoute = presenceRoute(
  'logout',
  'Log out of the center; offers go back to their queues',
);
const readyRoute = presenceRoute('ready', 'Become ready for contacts');

const notReadyRoute = createRoute({
  method: 'post',
  path: '/api/agent/not-ready',
  summary: 'Become not ready, with a reason',
  ...agentOnly,
  request: { body: jsonBody(NotReady) },
  responses: { 200: desk, ...problemResponses(400, 401, 403, 409) },
});

function contactActionRoute(action: string, summary: string) {
  return createRoute({
    method: 'post',
    path: `/api/agent/contacts/{id}/${action}`,
    summary,
    ...agentOnly,
    request: { params: ContactParams },
    responses: { 200: desk, ...problemResponses(400, 401, 403, 404, 409) },
  });
}

const acceptRoute = contactActionRoute('accept', 'Accept a contact ringing for this agent');
const declineRoute = contactActionRoute(
  'decline',
  'Decline a ringing contact; it goes back to its queue',
);
const holdRoute = contactActionRoute('hold', 'Put a connected contact on hold');
const resumeRoute = contactActionRoute('resume', 'Take a contact off hold');
const endRoute = contactActionRoute('end', 'End the conversation; wrap-up starts');

const wrapUpRoute = createRoute({
  method: 'post',
  path: '/api/agent/contacts/{id}/wrap-up',
  summary: 'Finish wrap-up, with a disposition',
  ...agentOnly,
  request: { params: ContactParams, body: jsonBody(WrapUp) },
  responses: { 200: desk, ...problemResponses(400, 401, 403, 404, 409) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/agent/me',
  summary: "This agent's status, offers and contacts",
  ...agentOnly,
  responses: { 200: desk, ...problemResponses(401, 403) },
});

const contactRoute = createRoute({
  method: 'get',
  path: '/api/agent/contacts/{id}',
  summary: 'A contact offered or assigned to this agent, with its customer and history',
  tags: ['agents'],
  security: signedIn,
  middleware: [guard('agent.contact.read')],
  request: { params: ContactParams },
  responses: { 200: json(ContactDetail, 'The contact.'), ...problemResponses(400, 401, 403, 404) },
});

export function registerAgentRoutes(app: ApiApp, deps: RouteDeps): void {
  const self = (p: Parameters<typeof authorizeAgent>[0]) => authorizeAgent(p, 'agent.act');
  /** The agent to act as, refused (403) unless the contact is with that agent. */
  const withContact = (p: Parameters<typeof authorizeAgent>[0], contactId: string) =>
    authorizeAgent(p, 'agent.act', { contactId, relation: contactRelation(deps, contactId) });
  const deskOf = (agentId: string) => agentView(deps, agentId, true);
  /**
   * The engine's accept() reports any missing contact as contact_gone;
   * this tells a never-seen id (404) from a finished one (409) first.
   */
  const known = (contactId: string) => {
    if (!deps.center.contact(contactId) && !deps.store.getContact(contactId)) {
      throw new EngineError('unknown_contact', `no contact ${contactId}`);
    }
    return contactId;
  };

  app.openapi(loginRoute, function agentLogin(c) {
    const agentId = self(c.get('principal'));
    deps.center.login(agentId);
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(logoutRoute, function agentLogout(c) {
    const agentId = self(c.get('principal'));
    deps.center.logout(agentId);
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(readyRoute, function agentReady(c) {
    const agentId = self(c.get('principal'));
    deps.center.ready(agentId);
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(notReadyRoute, function agentNotReady(c) {
    const agentId = self(c.get('principal'));
    deps.center.notReady(agentId, c.req.valid('json').reason);
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(acceptRoute, function acceptContact(c) {
    const { id } = c.req.valid('param');
    const agentId = withContact(c.get('principal'), id);
    deps.center.accept(agentId, known(id));
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(declineRoute, function declineContact(c) {
    const { id } = c.req.valid('param');
    const agentId = withContact(c.get('principal'), id);
    deps.center.decline(agentId, known(id));
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(holdRoute, function holdContact(c) {
    const { id } = c.req.valid('param');
    const agentId = withContact(c.get('principal'), id);
    deps.center.hold(agentId, known(id), true);
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(resumeRoute, function resumeContact(c) {
    const { id } = c.req.valid('param');
    const agentId = withContact(c.get('principal'), id);
    deps.center.hold(agentId, known(id), false);
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(endRoute, function endContact(c) {
    const { id } = c.req.valid('param');
    const agentId = withContact(c.get('principal'), id);
    deps.center.end(agentId, known(id));
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(wrapUpRoute, function finishWrapUp(c) {
    const { id } = c.req.valid('param');
    const agentId = withContact(c.get('principal'), id);
    deps.center.finishWrapUp(agentId, known(id), c.req.valid('json').disposition);
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(meRoute, function agentDesk(c) {
    const agentId = self(c.get('principal'));
    return c.json(deskOf(agentId), 200);
  });

  app.openapi(contactRoute, function agentContact(c) {
    const { id } = c.req.valid('param');

    authorize(c.get('principal'), 'agent.contact.read', {
      contactId: id,
      relation: contactRelation(deps, id),
    });

    return c.json(contactDetail(deps, id, true), 200);
  });
}
