/**
 * Adds a user with a hashed password, checking the rules a user row must
 * keep: an agent user is linked to an engine agent, other roles are not.
 */
import { z } from 'zod';
import { Role, type Store, type User } from '../store/store.js';
import type { PasswordHasher } from './password-hasher.js';

export const NewUserInput = z
  .object({
    username: z
      .string()
      .min(2)
      .max(64)
      .regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits and _ . @ - only'),
    displayName: z.string().min(1).max(200),
    role: Role,
    agentId: z.string().min(1).max(64).nullable().default(null),
    password: z.string().min(8).max(200),
  })
  .refine((u) => (u.role === 'agent') === (u.agentId !== null), {
    message: 'an agent user needs an agentId; other roles have none',
    path: ['agentId'],
  });
export type NewUserInput = z.input<typeof NewUserInput>;

export async function createUser(
  store: Store,
  hasher: PasswordHasher,
  input: NewUserInput,
): Promise<User> {
  const { password, ...user } = NewUserInput.parse(input);
  const passwordHash = await hasher.hash(password);
  return store.createUser({ ...user, passwordHash });
}
