/**
 * Supervisor routes (supervisors and admins): every agent with its
 * workload, every queue with what waits in it, and the moves that adjust
 * a queue: place in line, priority, another queue, a given agent, or a
 * transfer of a connected contact. Each move that succeeds is written to
 * the audit log with what it changed from and to.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.js';
import type { ApiApp, RouteDeps } from '../api-app.js';
import { guard } from '../authenticate.js';
import { problemResponses } from '../problem.js';
import { AgentView, agentView, allAgents } from '../views/agent-view.js';
import { ContactDetail, contactDetail, contactView } from '../views/contact-view.js';
import { QueueView, allQueues, queueContacts } from '../views/queue-view.js';
import {
  AgentParams,
  ContactParams,
  QueueParams,
  json,
  jsonBody,
  signedIn,
} from './route-parts.js';

const staffReads = {
  tags: ['supervisors'],
  security: signedIn,
  middleware: [guard('center.read')],
};
const staffMoves = {
  tags: ['supervisors'],
  security: signedIn,
  middleware: [guard('queue.adjust')],
};
const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);

const agentsRoute = createRoute({
  method: 'get',
  path: '/api/agents',
  summary: 'Every agent: profile, state, time in state, workload with customers',
  ...staffReads,
  responses: { 200: json(z.array(AgentView), 'All agents.'), ...problemResponses(401, 403) },
});

const agentRoute = createRoute({
  method: 'get',
  path: '/api/agents/{id}',
  summary: 'One agent',
  ...staffReads,
  request: { params: AgentParams },
  responses: { 200: json(AgentView, 'The agent.'), ...problemResponses(400, 401, 403, 404) },
});

const queuesRoute = createRoute({
  method: 'get',
  path: '/api/queues',
  summary: 'Every shared queue: waiting, longest wait, agents, handle time',
  ...staffReads,
  responses: { 200: json(z.array(QueueView), 'All queues.'), ...problemResponses(401, 403) },
});

const queueContactsRoute = createRoute({
  method: 'get',
  path: '/api/queues/{id}/contacts',
  summary: "A queue's waiting contacts, in the order they will be served",
  ...staffReads,
  request: { params: QueueParams },
  responses: {
    200: json(z.array(ContactDetail), 'Waiting contacts, next first.'),
    ...problemResponses(400, 401, 403, 422),
  },
});

function moveRoute<B extends z.ZodType>(action: string, summary: string, body: B) {
  return createRoute({
    method: 'post',
    path: `/api/contacts/{id}/${action}`,
    summary,
    ...staffMoves,
    request: { params: ContactParams, body: jsonBody(body) },
    responses: {
      200: json(ContactDetail, 'The contact after the move.'),
      ...problemResponses(400, 401, 403, 404, 409, 422),
    },
  });
}

const positionRoute = moveRoute(
  'position',
  'Move a waiting contact to a 0-based place in its queue',
  z.strictObject({ position: z.number().int().min(0).max(100_000) }),
);
const priorityRoute = moveRoute(
  'priority',
  'Change the priority of a waiting contact (higher is served first)',
  z.strictObject({ priority: z.number().int().min(-1_000).max(1_000) }),
);
const queueRoute = moveRoute(
  'queue',
  'Move a waiting contact to another queue; its wait goes on',
  z.strictObject({ queueId: Id }),
);
const assignRoute = moveRoute(
  'assign',
  "Give a waiting contact to one agent (now if free, else in the agent's personal queue)",
  z.strictObject({ agentId: Id }),
);
const transferRoute = moveRoute(
  'transfer',
  'Hand a connected contact to another agent',
  z.strictObject({ agentId: Id }),
);

export function registerSupervisorRoutes(app: ApiApp, deps: RouteDeps): void {
  app.openapi(agentsRoute, function listAgents(c) {
    return c.json(allAgents(deps), 200);
  });

  app.openapi(agentRoute, function readAgent(c) {
    return c.json(agentView(deps, c.req.valid('param').id), 200);
  });

  app.openapi(queuesRoute, function listQueues(c) {
    return c.json(allQueues(deps), 200);
  });

  app.openapi(queueContactsRoute, function listQueueContacts(c) {
    return c.json(queueContacts(deps, c.req.valid('param').id), 200);
  });

  app.openapi(positionRoute, function moveToPosition(c) {
    const p = authorize(c.get('principal'), 'queue.adjust');
    const { id } = c.req.valid('param');
    const { position } = c.req.valid('json');
    const before = contactView(deps, id);

    deps.center.moveToPosition(id, position);

    deps.audit(p, 'contact.position', id, { position, from: before.position });
    return c.json(contactDetail(deps, id), 200);
  });

  app.openapi(priorityRoute, function setPriority(c) {
    const p = authorize(c.get('principal'), 'queue.adjust');
    const { id } = c.req.valid('param');
    const { priority } = c.req.valid('json');
    const before = contactView(deps, id);

    deps.center.setPriority(id, priority);

    deps.audit(p, 'contact.priority', id, { priority, from: before.priority });
    return c.json(contactDetail(deps, id), 200);
  });

  app.openapi(queueRoute, function moveToQueue(c) {
    const p = authorize(c.get('principal'), 'queue.adjust');
    const { id } = c.req.valid('param');
    const { queueId } = c.req.valid('json');
    const before = contactView(deps, id);

    deps.center.moveToQueue(id, queueId);

    deps.audit(p, 'contact.queue', id, { queueId, from: before.queueId });
    return c.json(contactDetail(deps, id), 200);
  });

  app.openapi(assignRoute, function assignContact(c) {
    const p = authorize(c.get('principal'), 'queue.adjust');
    const { id } = c.req.valid('param');
    const { agentId } = c.req.valid('json');

    deps.center.assign(id, agentId);

    deps.audit(p, 'contact.assign', id, { agentId });
    return c.json(contactDetail(deps, id), 200);
  });

  app.openapi(transferRoute, function transferContact(c) {
    const p = authorize(c.get('principal'), 'queue.adjust');
    const { id } = c.req.valid('param');
    const { agentId } = c.req.valid('json');
    const before = contactView(deps, id);

    deps.center.transfer(id, agentId);

    deps.audit(p, 'contact.transfer', id, { agentId, from: before.agentId });
    return c.json(contactDetail(deps, id), 200);
  });
}
