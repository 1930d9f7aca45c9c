/**
 * Bearer tokens: 32 random bytes, base64url. Sessions are stored under the
 * token's SHA-256, so the database alone never yields a usable token.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
