/**
 * A contact's profile for a supervisor: its state from `GET /api/contacts/:id`,
 * and the customer from whichever read carries it. Staff reads of a contact
 * carry no customer today, so the profile is looked up in the holding
 * agent's workload or in the queue's list, which do.
 *
 * TODO(api): one staff route returning the contact with its customer and
 * history (as `GET /api/agent/contacts/:id` does for agents) would make
 * this a single read and give supervisors the history too.
 */
import { supervisorApi } from './api';
import type { ContactDetail, ContactView } from './types';

export async function loadContactProfile(contactId: string): Promise<ContactDetail> {
  const view = await supervisorApi.contact(contactId);
  if (view.customer !== undefined) return { ...view, customer: view.customer ?? null };
  const found = await findDetail(view);
  return {
    ...view,
    customer: found?.customer ?? null,
    ...(found?.history ? { history: found.history } : {}),
  };
}

async function findDetail(view: ContactView): Promise<ContactDetail | undefined> {
  const holder = view.offeredTo ?? view.agentId ?? view.personalAgentId;
  if (holder) {
    const agent = await supervisorApi.agent(holder);
    const w = agent.workload;
    return [...w.offers, ...w.active, ...w.wrapUps, ...w.personalQueue].find(
      (d) => d.contactId === view.contactId,
    );
  }
  if (view.state === 'queued') {
    const list = await supervisorApi.queueContacts(view.queueId);
    return list.find((d) => d.contactId === view.contactId);
  }
  return undefined;
}
