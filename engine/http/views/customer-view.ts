/**
 * A customer as the API shows it: the stored profile. Its earlier contacts
 * come from the engine's `customerProfile`, beside each contact.
 */
import { z } from '@hono/zod-openapi';

export const Customer = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.number(),
  })
  .openapi('Customer');
