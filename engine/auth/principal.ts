/**
 * Who is calling: a signed-in user (agent, supervisor or admin) or a
 * customer holding the token of the one contact it created. Resolved from
 * a session by `Sessions.resolve`; judged by `authorize`.
 */
import type { Role } from '../store/store.js';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  username: string;
  role: Role;
  /** The engine agent this user acts as (agents only). */
  agentId: string | null;
  /** The session's key, so that logout can end exactly this session. */
  tokenHash: string;
}

export interface CustomerPrincipal {
  kind: 'customer';
  contactId: string;
  tokenHash: string;
}

export type Principal = UserPrincipal | CustomerPrincipal;

/** Supervisors and admins: they see the whole center. */
export function isStaff(p: Principal | null): boolean {
  return p?.kind === 'user' && (p.role === 'supervisor' || p.role === 'admin');
}

/** Admins: they also manage users, customers' data and read the audit log. */
export function isAdmin(p: Principal | null): boolean {
  return p?.kind === 'user' && p.role === 'admin';
}

/** An agent user linked to an engine agent. */
export function isAgent(p: Principal | null): p is UserPrincipal & { agentId: string } {
  return p?.kind === 'user' && p.role === 'agent' && p.agentId !== null;
}

/** Fields safe to log: never the token or its hash. */
export function describePrincipal(p: Principal | null): Record<string, string> {
  if (!p) return { role: 'anonymous' };
  if (p.kind === 'customer') return { role: 'customer', contactId: p.contactId };
  return { role: p.role, userId: p.userId };
}
