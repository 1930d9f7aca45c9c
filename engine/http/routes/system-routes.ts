/**
 * Routes for operators and tools: a health check for load balancers and
 * the OpenAPI document describing every route.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { ApiApp } from '../api-app.js';
import { json } from './route-parts.js';

const Health = z.object({ status: z.literal('ok'), time: z.number() }).openapi('Health');

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness: answers while the server runs',
  responses: { 200: json(Health, 'Up.') },
});

export function registerSystemRoutes(app: ApiApp, now: () => number, version: string): void {
  app.openapi(healthRoute, function health(c) {
    return c.json({ status: 'ok' as const, time: now() }, 200);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from POST /api/login, or the customer token from POST /api/contacts.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'sb_session',
    description: 'Set by POST /api/login for browsers (httpOnly, SameSite=Lax).',
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    tags: ['system'],
    summary: 'This document',
    responses: { 200: { description: 'The OpenAPI 3.1 document.' } },
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard contact center API',
      version,
      description:
        'Errors are RFC 9457 problem documents (application/problem+json) with a stable `code`; ' +
        'invalid input lists each issue as {path, code, message}.',
    },
  });
}
