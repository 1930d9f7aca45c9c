/** Whether a contact record matches a query; shared by the stores. */
import type { ContactRecord } from '../records.js';
import type { ContactQuery } from './store.js';

export function matches(r: ContactRecord, q: ContactQuery): boolean {
  if (q.customerId !== undefined && r.customerId !== q.customerId) return false;
  if (q.agentId !== undefined && !r.offers.some((o) => o.agentId === q.agentId)) return false;
  if (q.queueId !== undefined && r.firstQueueId !== q.queueId && r.queueId !== q.queueId)
    return false;
  if (q.from !== undefined && r.queuedAt < q.from) return false;
  if (q.to !== undefined && r.queuedAt >= q.to) return false;
  return true;
}
