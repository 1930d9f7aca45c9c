/**
 * Who may do what: every rule of the API in one table. Routes name a
 * permission; the HTTP layer asks here before acting, and the live event
 * feed asks here before delivering an event.
 *
 * In short: customers reach only their own contact; an agent acts only as
 * itself and on contacts offered, assigned or connected to it; supervisors
 * and admins see every agent and queue and adjust queues; only admins
 * manage users, customers' personal data and read the audit log. Each
 * frame a live socket may send has its own permission (`live.<type>`).
 */
import { AccessDenied } from './access-denied.js';
import { isAdmin, isAgent, isStaff, type Principal } from './principal.js';

export const permissions = [
  'contact.create',
  'contact.read',
  'contact.leave',
  'agent.act',
  'agent.contact.read',
  'center.read',
  'queue.adjust',
  'events.subscribe',
  'live.ping',
  'live.resync',
  'live.chat',
  'live.rtc',
  'session.read',
  'session.end',
  'users.manage',
  'customers.manage',
  'audit.read',
] as const;
export type Permission = (typeof permissions)[number];

/** The agents a contact is with now: ringing, connected, wrap-up or assigned. */
export interface ContactRelation {
  contactId: string;
  agentIds: ReadonlySet<string>;
}

interface Rule {
  /** Whether this kind of caller may use the routes at all. */
  who: (p: Principal) => boolean;
  /**
   * For rules about one contact: whether the caller may act on it. The
   * relation is null for a contact that does not exist; returning true
   * then lets the caller learn that (a 404) instead of a 403.
   */
  contact?: (p: Principal, contactId: string, relation: ContactRelation | null) => boolean;
}

const anyone = () => true;
const ownContact = (p: Principal, contactId: string) =>
  p.kind === 'customer' && p.contactId === contactId;
/** Staff and agents may learn an id is unknown; customers may not probe. */
const onContact = (p: Principal, relation: ContactRelation | null) =>
  isAgent(p) && (relation === null || relation.agentIds.has(p.agentId));

const rules: Record<Exclude<Permission, 'contact.create'>, Rule> = {
  'contact.read': {
    who: anyone,
    contact: (p, id, relation) => isStaff(p) || ownContact(p, id) || onContact(p, relation),
  },
  'contact.leave': { who: (p) => p.kind === 'customer', contact: (p, id) => ownContact(p, id) },
  // Without a contact: presence and the desk. With one: only a contact the
  // agent is with (an unknown id is let through to answer 404).
  'agent.act': { who: isAgent, contact: (p, _id, relation) => onContact(p, relation) },
  'agent.contact.read': { who: isAgent, contact: (p, _id, relation) => onContact(p, relation) },
  'center.read': { who: isStaff },
  'queue.adjust': { who: isStaff },
  'events.subscribe': { who: anyone },
  // What each frame returns is filtered by maySeeEvent, like the feed.
  'live.ping': { who: anyone },
  'live.resync': { who: anyone },
  // Per contact, the conversation module decides (engine/chat): parties and staff only.
  'live.chat': { who: anyone },
  'live.rtc': { who: anyone },
  'session.read': { who: anyone },
  'session.end': { who: anyone },
  'users.manage': { who: isAdmin },
  'customers.manage': { who: isAdmin },
  'audit.read': { who: isAdmin },
};

/**
 * Checks a caller against a permission, throwing `AccessDenied` when it
 * fails; returns the principal, known to be present, for the route to use.
 * Rules about a contact also need the contact's id and relation.
 */
export function authorize(p: Principal | null, permission: 'contact.create'): Principal | null;
export function authorize(
  p: Principal | null,
  permission: Exclude<Permission, 'contact.create'>,
  contact?: { contactId: string; relation: ContactRelation | null },
): Principal;
export function authorize(
  p: Principal | null,
  permission: Permission,
  contact?: { contactId: string; relation: ContactRelation | null },
): Principal | null {
  if (permission === 'contact.create') return p;
  if (!p) throw new AccessDenied('unauthenticated', 'sign in, or present the token you were given');

  const rule = rules[permission];
  const allowed =
    rule.who(p) &&
    (!contact || !rule.contact || rule.contact(p, contact.contactId, contact.relation));
  if (!allowed) throw new AccessDenied('forbidden', `${describe(p)} may not ${permission}`);
  return p;
}

/** Like `authorize`, for an agent route: returns the agent id to act as. */
export function authorizeAgent(
  p: Principal | null,
  permission: 'agent.act' | 'agent.contact.read',
  contact?: { contactId: string; relation: ContactRelation | null },
): string {
  authorize(p, permission, contact);
  // authorize has just checked isAgent for both permissions.
  return (p as Principal & { agentId: string }).agentId;
}

/** Who an event concerns: its contact, and the agents involved in it. */
export interface EventAudience {
  contactId: string | null;
  agentIds: ReadonlySet<string>;
}

/** Staff see every event; agents what involves them; customers their contact's. */
export function maySeeEvent(p: Principal, audience: EventAudience): boolean {
  if (isStaff(p)) return true;
  if (p.kind === 'customer') return audience.contactId === p.contactId;
  return isAgent(p) && audience.agentIds.has(p.agentId);
}

function describe(p: Principal): string {
  return p.kind === 'customer'
    ? `the customer of contact ${p.contactId}`
    : `${p.role} ${p.username}`;
}
