/**
 * The agent's side of a callback: "calling now", "reached", "no answer".
 * No answer ends the contact as `no_answer` and, while retries remain,
 * queues a new callback for the same customer later (callback-retries.ts).
 * Each answers with the desk and the try as it now stands.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorizeAgent } from '../../auth/authorize.js';
import { CallbackAttempt } from '../../chat/callback-attempt.js';
import type { ConversationServices } from '../../chat/conversation-services.js';
import { EngineError } from '../../errors.js';
import type { ApiApp, RouteDeps } from '../api-app.js';
import { guard } from '../authenticate.js';
import { problemResponses } from '../problem.js';
import { AgentView, agentView } from '../views/agent-view.js';
import { contactRelation } from '../views/contact-view.js';
import { ContactParams, json, signedIn } from './route-parts.js';

const CallbackStep = z
  .object({ desk: AgentView, attempt: CallbackAttempt })
  .openapi('CallbackStep');

const steps = {
  dialing: 'The agent is calling the customer now',
  reached: 'The customer answered',
  'no-answer': 'Nobody answered: end as no_answer, retry later while retries remain',
} as const;

function stepRoute(step: keyof typeof steps) {
  return createRoute({
    method: 'post',
    path: `/api/agent/contacts/{id}/callback/${step}`,
    tags: ['agents'],
    summary: steps[step],
    security: signedIn,
    middleware: [guard('agent.act')],
    request: { params: ContactParams },
    responses: {
      200: json(CallbackStep, 'The desk and the try.'),
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });
}

export function registerCallbackRoutes(
  app: ApiApp,
  deps: RouteDeps,
  services: ConversationServices,
): void {
  for (const step of ['dialing', 'reached', 'no-answer'] as const) {
    app.openapi(stepRoute(step), function callbackStep(c) {
      const { id } = c.req.valid('param');
      const relation = contactRelation(deps, id);
      const agentId = authorizeAgent(c.get('principal'), 'agent.act', { contactId: id, relation });
      if (relation === null) throw new EngineError('unknown_contact', `no contact ${id}`);

      const callbacks = services.callbacks;
      const attempt =
        step === 'dialing'
          ? callbacks.dialing(agentId, id)
          : step === 'reached'
            ? callbacks.reached(agentId, id)
            : callbacks.noAnswer(agentId, id);

      return c.json({ desk: agentView(deps, agentId, true), attempt }, 200);
    });
  }
}
