/**
 * Password hashing with argon2id (`@node-rs/argon2`, which hashes on
 * libuv's thread pool so a login never blocks the engine). The cost is a
 * parameter: production uses OWASP's recommended minimum, tests a tiny one.
 */
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash it cannot read. */
  verify(passwordHash: string, password: string): Promise<boolean>;
}

export interface Argon2Cost {
  /** KiB of memory per hash. */
  memoryCost: number;
  /** Passes over that memory. */
  timeCost: number;
}

/** OWASP's argon2id minimum (19 MiB, 2 passes): about 0.1 s a hash here. */
export const productionCost: Argon2Cost = { memoryCost: 19_456, timeCost: 2 };

/** Cheap enough for test suites that create and sign in many users. */
export const testCost: Argon2Cost = { memoryCost: 512, timeCost: 1 };

export function argon2Hasher(cost: Argon2Cost = productionCost): PasswordHasher {
  return {
    hash: (password) => hash(password, { ...cost, parallelism: 1 }),
    async verify(passwordHash, password) {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
  };
}
