/**
 * Giving a contact to another agent, the same for a drag onto an agent
 * and for the "Reassign to…" menu: a waiting contact is assigned, a
 * connected one (on hold or not) transferred. Ringing contacts and those
 * in wrap-up cannot be moved.
 */
import { supervisorApi } from '../api/api';
import type { LiveContact } from '../live/LiveContact';
import { holderOf } from '../live/LiveContact';

export type ReassignKind = 'assign' | 'transfer';

export function reassignKind(c: LiveContact): ReassignKind | null {
  if (c.status === 'waiting') return 'assign';
  if (c.status === 'active' || c.status === 'held') return 'transfer';
  return null;
}

/** Whether `agentId` is somewhere the contact can go. */
export function canReassign(c: LiveContact, agentId: string): boolean {
  return reassignKind(c) !== null && holderOf(c) !== agentId;
}

export async function reassign(c: LiveContact, agentId: string): Promise<void> {
  const kind = reassignKind(c);
  if (kind === null) throw new Error(`A contact that is ${c.status} cannot be reassigned.`);
  await (kind === 'assign'
    ? supervisorApi.assign(c.contactId, agentId)
    : supervisorApi.transfer(c.contactId, agentId));
}
