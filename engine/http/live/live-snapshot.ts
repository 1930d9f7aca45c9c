/**
 * The state a live client starts from when it cannot be replayed events:
 * the whole center for staff, its own desk for an agent, its own contact
 * for a customer. The same read models as the HTTP routes.
 */
import type { Principal } from '../../auth/principal.js';
import { isAgent, isStaff } from '../../auth/principal.js';
import { agentView, allAgents } from '../views/agent-view.js';
import { contactView, forCustomer } from '../views/contact-view.js';
import { allQueues } from '../views/queue-view.js';
import type { ViewContext } from '../views/view-context.js';

export function liveSnapshot(ctx: ViewContext): (p: Principal) => unknown {
  return function snapshotFor(p) {
    if (isStaff(p)) {
      const contacts = [...ctx.center.liveContacts()].map((c) => contactView(ctx, c.id));
      return { agents: allAgents(ctx), queues: allQueues(ctx), contacts };
    }
    if (isAgent(p)) return { agent: agentView(ctx, p.agentId, true) };
    if (p.kind === 'customer') {
      const known = ctx.center.contact(p.contactId) ?? ctx.store.getContact(p.contactId);
      return { contact: known ? forCustomer(contactView(ctx, p.contactId)) : null };
    }
    return {};
  };
}
