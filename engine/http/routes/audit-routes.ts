/**
 * `GET /api/admin/audit` (admins only): what supervisors and admins did,
 * newest first, within a time range.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { auditActions, Role } from '../../store/store.js';
import type { ApiApp, RouteDeps } from '../api-app.js';
import { guard } from '../authenticate.js';
import { problemResponses } from '../problem.js';
import { json, signedIn } from './route-parts.js';

const Epoch = z.coerce.number().int().min(0).max(8_640_000_000_000);

const AuditQuery = z.object({
  /** Epoch ms, inclusive. */
  from: Epoch.optional(),
  /** Epoch ms, exclusive. */
  to: Epoch.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});

const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.number(),
    actorId: z.string(),
    actorName: z.string(),
    actorRole: Role,
    action: z.enum(auditActions),
    target: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .openapi('AuditEntry');

const auditRoute = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  tags: ['admin'],
  summary: 'The audit log: who did what to which contact, user or customer, and when',
  security: signedIn,
  middleware: [guard('audit.read')],
  request: { query: AuditQuery },
  responses: {
    200: json(z.array(AuditEntry), 'Entries, newest first.'),
    ...problemResponses(400, 401, 403),
  },
});

export function registerAuditRoutes(app: ApiApp, deps: RouteDeps): void {
  app.openapi(auditRoute, function listAudit(c) {
    return c.json(deps.store.listAudit(c.req.valid('query')), 200);
  });
}
