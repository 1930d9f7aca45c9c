/**
 * Records what supervisors and admins do, for the audit log: who (id,
 * username and role at the time), when (the API's clock), what and on
 * what. Routes call it after the action succeeded, so a refused or failed
 * attempt leaves no entry. Details are ids, numbers and staff names: the
 * log must not become a second copy of customers' personal data.
 */
import type { Principal } from '../auth/principal.js';
import type { AdminStore, AuditAction, AuditEntry } from '../store/store.js';

export type AuditRecorder = (
  actor: Principal,
  action: AuditAction,
  target: string,
  details?: AuditEntry['details'],
) => void;

export function auditTrail(store: AdminStore, now: () => number): AuditRecorder {
  return function recordAudit(actor, action, target, details = {}) {
    // Only staff reach the audited routes; a customer token never acts on others.
    if (actor.kind !== 'user') return;
    store.appendAudit({
      at: now(),
      actorId: actor.userId,
      actorName: actor.username,
      actorRole: actor.role,
      action,
      target,
      details,
    });
  };
}
