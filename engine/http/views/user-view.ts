/** A user as the admin routes show it: never the password hash. */
import { z } from '@hono/zod-openapi';
import { Role, type User } from '../../store/store.js';

export const UserView = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    agentId: z.string().nullable(),
    createdAt: z.number(),
  })
  .openapi('User');
export type UserView = z.infer<typeof UserView>;

export function userView(user: User): UserView {
  const { id, username, displayName, role, agentId, createdAt } = user;
  return { id, username, displayName, role, agentId, createdAt };
}
