/**
 * The estimated wait a customer is shown. Deliberately simple:
 *
 *   estimate = (position + 1) × average handle time ÷ eligible agents
 *
 * where position is 0-based (0 = next to be served), the average handle
 * time is the mean of the queue's last 50 answered contacts (answer to
 * wrap-up end, seeded from the store on start; 180 s until there are any),
 * and eligible agents are those logged in who serve the queue. With none
 * logged in there is no estimate.
 */

import type { ContactCenter } from '../center.js';
import type { ContactRecord } from '../records.js';

const sampleSize = 50;

export class WaitEstimator {
  private readonly recent = new Map<string, number[]>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly center: ContactCenter,
    readonly defaultHandleSec = 180,
  ) {
    for (const queueId of center.queueIds()) {
      const newest = center.store.listContacts({ queueId, newestFirst: true, limit: sampleSize });
      for (const r of newest.reverse()) this.record(r);
    }
    this.unsubscribe = center.subscribe((e) => {
      if (e.type === 'contact.closed') this.record(e.record);
    });
  }

  /** Mean handle time of the queue's recent answered contacts, in seconds. */
  averageHandleSec(queueId: string): number {
    const times = this.recent.get(queueId);
    if (!times || times.length === 0) return this.defaultHandleSec;
    return times.reduce((a, b) => a + b, 0) / times.length;
  }

  /** Logged-in agents who serve the queue. */
  eligibleAgents(queueId: string): number {
    return this.center.staffedCount(queueId);
  }

  /** Seconds until a contact at `position` is likely answered, or null. */
  estimateSec(queueId: string, position: number): number | null {
    const agents = this.eligibleAgents(queueId);
    if (agents === 0) return null;
    return Math.round(((position + 1) * this.averageHandleSec(queueId)) / agents);
  }

  dispose(): void {
    this.unsubscribe();
  }

  private record(r: ContactRecord): void {
    const end = r.wrapUpEndedAt ?? r.endedAt;
    if (r.answeredAt === null || end === null) return;
    const times = this.recent.get(r.queueId) ?? [];
    times.push((end - r.answeredAt) / 1000);
    if (times.length > sampleSize) times.shift();
    this.recent.set(r.queueId, times);
  }
}
