/**
 * Pieces the route declarations share: path parameters and the security
 * requirements the OpenAPI document shows.
 */
import { z } from '@hono/zod-openapi';

const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');

export const ContactParams = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' }, example: 'c_9Tq2rWm1xY0b' }),
});

export const AgentParams = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' }, example: 'a1' }),
});

export const QueueParams = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' }, example: 'billing' }),
});

export const UserParams = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' }, example: 'u3' }),
});

export const CustomerParams = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' }, example: 'cu12' }),
});

/** A session token as `Authorization: Bearer`, or the browser's cookie. */
export const signedIn: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true };
}
