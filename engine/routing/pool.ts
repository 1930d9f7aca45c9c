/**
 * A routing pool: the contacts of one queue that need the same thing (the
 * same skills at the same levels, and voice or chat), waiting in order, next
 * to the available agents who can take them, in the queue's strategy order.
 *
 * Contacts with the same needs share a pool, so the best agent for a new
 * contact is the head of one heap, and the best contact for an agent is the
 * best head among the few pools the agent is eligible for.
 */
import { IndexedHeap } from './indexed-heap.js';
import { keyBefore, type SortKey } from './strategies/index.js';

export interface WaitingEntry {
  contactId: string;
  /** Higher first. */
  priority: number;
  /** Effective entry time: first entry minus the queue's head start, or
   * a value placed between two neighbours by a supervisor's move. */
  rank: number;
  /** Engine sequence number: ties keep arrival order. */
  seq: number;
}

export interface IndexedAgent {
  agentId: string;
  key: SortKey;
}

/** The order contacts are served in: priority, then rank, then sequence. */
export function waitingBefore(a: WaitingEntry, b: WaitingEntry): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.seq < b.seq;
}

export class Pool {
  readonly waiting = new IndexedHeap<WaitingEntry>(waitingBefore);
  readonly agents = new IndexedHeap<IndexedAgent>((a, b) => keyBefore(a.key, b.key));
  /** Logged-in agents who meet the pool's needs, free or not. */
  readonly eligible = new Set<string>();

  constructor(
    readonly key: string,
    readonly queueId: string,
    readonly voice: boolean,
    /** Skill → lowest proficiency accepted. */
    readonly requirements: ReadonlyMap<string, number>,
  ) {}

  /** Whether an agent with these skills meets the pool's needs. */
  accepts(skills: Readonly<Record<string, number>>): boolean {
    for (const [skill, min] of this.requirements) {
      if ((skills[skill] ?? 0) < min) return false;
    }
    return true;
  }

  static keyOf(voice: boolean, requirements: ReadonlyMap<string, number>): string {
    const parts = [...requirements].map(([s, p]) => `${s}>=${p}`).sort();
    return `${voice ? 'voice' : 'chat'}|${parts.join(',')}`;
  }
}
