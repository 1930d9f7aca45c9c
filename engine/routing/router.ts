/**
 * Routing decisions and the indexes behind them.
 *
 * The router keeps, per queue, routing pools of waiting contacts and of the
 * free agents eligible for them (see pool.ts), and answers two questions in
 * O(log n): the best free agent for a contact, and the best waiting contact
 * for an agent. It never scans all agents or all contacts. It changes queue
 * order only by sending events to the queue actors that own the pools.
 */
import type { Actor } from 'xstate';
import { availability, type agentMachine } from '../../machines/agent.js';
import type { contactMachine } from '../../machines/contact.js';
import type { queueMachine } from '../../machines/queue.js';
import type { AgentConfig, QueueConfig } from '../config.js';
import { Pool, waitingBefore, type WaitingEntry } from './pool.js';
import { strategies, type AgentFacts } from './strategies/index.js';

export interface QueueSlot {
  id: string;
  /** Null for an agent's personal queue. */
  config: QueueConfig | null;
  ownerAgentId: string | null;
  actor: Actor<typeof queueMachine>;
}

export interface AgentSlot {
  id: string;
  config: AgentConfig;
  order: number;
  actor: Actor<typeof agentMachine>;
  /** Shared queues this agent serves. */
  serves: QueueSlot[];
  /** The agent's personal queue, spawned the first time it is needed. */
  personal: QueueSlot | null;
  /** Its id (`personal:<agent id>`), known before it exists. */
  personalId: string;
  /** Pools the agent is indexed in as free. */
  indexed: Pool[];
  lastOfferSeq: number;
  draw: number;
}

export interface ContactSlot {
  id: string;
  actor: Actor<typeof contactMachine>;
  voice: boolean;
  /** Skills the contact asked for on top of its queue's. */
  extraSkills: string[];
  entry: WaitingEntry;
  /** Where the contact waits now; null while offered or connected. */
  place: { queue: QueueSlot; pool: Pool } | null;
  /** Agents who declined this contact, ever. */
  decliners: Set<string>;
}

export class Router {
  /** Agents logged in and serving each queue (by queue id). */
  private readonly staffed = new Map<string, Set<AgentSlot>>();

  constructor(
    private readonly now: () => number,
    private readonly agents: ReadonlyMap<string, AgentSlot>,
  ) {}

  /** The pool a contact belongs in, in a shared or personal queue. */
  poolFor(
    queue: QueueSlot,
    contact: Pick<ContactSlot, 'voice' | 'extraSkills'>,
    shared: QueueConfig,
    /** Escalation steps applied so far. */
    level: number,
  ): Pool {
    const requirements = new Map<string, number>();
    if (queue.ownerAgentId === null) {
      const widened = shared.escalation[level - 1]?.minProficiency;
      for (const { skill, minProficiency } of shared.skills) {
        requirements.set(skill, Math.min(minProficiency, widened ?? minProficiency));
      }
      for (const skill of contact.extraSkills) {
        requirements.set(skill, Math.max(requirements.get(skill) ?? 1, 1));
      }
    }
    const key = Pool.keyOf(contact.voice, requirements);
    const existing = queue.actor.getSnapshot().context.pools.get(key);
    if (existing) return existing;

    const pool = new Pool(key, queue.id, contact.voice, requirements);
    queue.actor.send({ type: 'ADD_POOL', pool });
    const candidates =
      queue.ownerAgentId === null
        ? (this.staffed.get(queue.id) ?? new Set<AgentSlot>())
        : [this.agents.get(queue.ownerAgentId)].filter(isLoggedIn);
    for (const agent of candidates) {
      if (!pool.accepts(agent.config.skills)) continue;
      pool.eligible.add(agent.id);
      this.indexIn(agent, queue, pool);
    }
    return pool;
  }

  place(contact: ContactSlot, queue: QueueSlot, pool: Pool): void {
    queue.actor.send({ type: 'ENQUEUE', poolKey: pool.key, entry: contact.entry });
    contact.place = { queue, pool };
  }

  unplace(contact: ContactSlot): void {
    const place = contact.place;
    if (!place) return;
    place.queue.actor.send({ type: 'REMOVE', poolKey: place.pool.key, contactId: contact.id });
    contact.place = null;
  }

  /** An agent logged in: it becomes eligible for the pools it meets. */
  loggedIn(agent: AgentSlot): void {
    for (const queue of agent.serves) {
      let set = this.staffed.get(queue.id);
      if (!set) this.staffed.set(queue.id, (set = new Set()));
      set.add(agent);
    }
    for (const { pool } of this.poolsOf(agent)) {
      if (pool.accepts(agent.config.skills)) pool.eligible.add(agent.id);
    }
  }

  loggedOut(agent: AgentSlot): void {
    this.unindex(agent);
    for (const queue of agent.serves) this.staffed.get(queue.id)?.delete(agent);
    for (const { pool } of this.poolsOf(agent)) pool.eligible.delete(agent.id);
  }

  /** Logged-in agents who serve a shared queue, free or not. */
  staffedCount(queueId: string): number {
    return this.staffed.get(queueId)?.size ?? 0;
  }

  /** How many logged-in agents could take a contact in this pool. */
  eligibleCount(pool: Pool): number {
    return pool.eligible.size;
  }

  /**
   * Re-files a free agent under its current sort keys, or removes it. Only
   * the pools whose entry changes get an event.
   */
  reindex(agent: AgentSlot): void {
    const before = agent.indexed;
    agent.indexed = [];
    for (const { queue, pool } of this.poolsOf(agent)) this.indexIn(agent, queue, pool);
    for (const pool of before) {
      if (agent.indexed.includes(pool)) continue;
      this.queueOf(agent, pool)?.actor.send({
        type: 'UNINDEX_AGENT',
        poolKey: pool.key,
        agentId: agent.id,
      });
    }
  }

  /**
   * The best free agent for a waiting contact. Agents who declined it come
   * last, and not at all while their decline window is open.
   */
  bestAgentFor(contact: ContactSlot): AgentSlot | undefined {
    const pool = contact.place?.pool;
    if (!pool) return undefined;
    const declined = contact.actor.getSnapshot().context.declinedUntil;
    const now = this.now();
    const pick =
      pool.agents.find((a) => !contact.decliners.has(a.agentId)) ??
      pool.agents.find((a) => (declined[a.agentId] ?? -Infinity) <= now);
    return pick ? this.agents.get(pick.agentId) : undefined;
  }

  /**
   * The best waiting contact for a free agent: its personal queue first,
   * then by priority and effective wait across every pool it is free for.
   */
  bestContactFor(
    agent: AgentSlot,
    contacts: ReadonlyMap<string, ContactSlot>,
  ): ContactSlot | undefined {
    const now = this.now();
    const allowed = (entry: WaitingEntry) => {
      const declined = contacts.get(entry.contactId)?.actor.getSnapshot().context.declinedUntil;
      return (declined?.[agent.id] ?? -Infinity) <= now;
    };
    let personal: WaitingEntry | undefined;
    let shared: WaitingEntry | undefined;
    for (const pool of agent.indexed) {
      const head = pool.waiting.find(allowed);
      if (!head) continue;
      if (pool.queueId === agent.personalId) {
        if (!personal || waitingBefore(head, personal)) personal = head;
      } else if (!shared || waitingBefore(head, shared)) {
        shared = head;
      }
    }
    const best = personal ?? shared;
    return best ? contacts.get(best.contactId) : undefined;
  }

  private unindex(agent: AgentSlot): void {
    for (const pool of agent.indexed) {
      this.queueOf(agent, pool)?.actor.send({
        type: 'UNINDEX_AGENT',
        poolKey: pool.key,
        agentId: agent.id,
      });
    }
    agent.indexed = [];
  }

  private queueOf(agent: AgentSlot, pool: Pool): QueueSlot | undefined {
    if (pool.queueId === agent.personalId) return agent.personal ?? undefined;
    return agent.serves.find((q) => q.id === pool.queueId);
  }

  private indexIn(agent: AgentSlot, queue: QueueSlot, pool: Pool): void {
    const snapshot = agent.actor.getSnapshot();
    const free = availability(snapshot.value, snapshot.context);
    if (free === 'none' || (pool.voice && free !== 'any')) return;
    if (!pool.eligible.has(agent.id)) return;

    const config = queue.config;
    const strategy = strategies[config?.strategy ?? 'longest-idle'];
    const key = strategy(this.facts(agent, config));
    agent.indexed.push(pool);
    const current = pool.agents.get(agent.id);
    if (current && sameKey(current.key, key)) return;
    queue.actor.send({ type: 'INDEX_AGENT', poolKey: pool.key, agent: { agentId: agent.id, key } });
  }

  private facts(agent: AgentSlot, queue: QueueConfig | null): AgentFacts {
    const c = agent.actor.getSnapshot().context;
    let proficiency = 0;
    for (const { skill } of queue?.skills ?? []) proficiency += agent.config.skills[skill] ?? 0;
    return {
      idleSince: c.idleSince,
      load: c.offers.length + c.active.length + c.wrapUps.length,
      capacity: c.capacity,
      handled: c.handled,
      proficiency,
      order: agent.order,
      lastOfferSeq: agent.lastOfferSeq,
      draw: agent.draw,
    };
  }

  private *poolsOf(agent: AgentSlot): Generator<{ queue: QueueSlot; pool: Pool }> {
    for (const queue of agent.personal ? [agent.personal, ...agent.serves] : agent.serves) {
      for (const pool of queue.actor.getSnapshot().context.pools.values()) {
        yield { queue, pool };
      }
    }
  }
}

function isLoggedIn(agent: AgentSlot | undefined): agent is AgentSlot {
  return agent !== undefined && agent.actor.getSnapshot().value !== 'loggedOut';
}

function sameKey(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
