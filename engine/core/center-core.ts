/**
 * The center's state and its plumbing: the actor system and its root, the
 * slots of every queue, agent and live contact, the router, the event bus,
 * the journal, and the step that every command and timer runs in. The
 * routing moves themselves live in dispatch.ts, presence.ts, timers.ts and
 * admission.ts, as functions of this core.
 */
import { createActor, type Actor, type InspectionEvent } from 'xstate';
import { agentMachine } from '../../machines/agent.js';
import { centerMachine } from '../../machines/center.js';
import { queueMachine } from '../../machines/queue.js';
import { EventBus } from '../bus.js';
import { wallClock, type EngineClock } from '../clock.js';
import type { Command } from '../commands.js';
import {
  parseConfig,
  type CenterConfig,
  type CenterConfigInput,
  type QueueConfig,
} from '../config.js';
import { EngineError } from '../errors.js';
import type { DomainEvent } from '../events.js';
import type { Journal } from '../journal.js';
import { silentLogger, type Logger } from '../logger.js';
import { createRandom } from '../random.js';
import { Router, type AgentSlot, type QueueSlot } from '../routing/router.js';
import { MemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { compareEntries } from './queue-order.js';
import type {
  AgentSince,
  ContactRequest,
  DistributiveOmit,
  LiveContact,
  LiveContactView,
} from './types.js';

export interface CenterOptions {
  config: CenterConfigInput;
  clock?: EngineClock;
  store?: Store;
  logger?: Logger;
  /** Seed for the random strategy's draws. */
  seed?: number;
  /** An inspector, e.g. from `@statelyai/inspect` (see README). */
  inspect?: (event: InspectionEvent) => void;
  /** Where commands are journaled, for crash recovery (see recover.ts). */
  journal?: Journal;
}

export class CenterCore {
  readonly clock: EngineClock;
  readonly store: Store;
  readonly logger: Logger;
  readonly bus: EventBus;
  readonly root: Actor<typeof centerMachine>;
  readonly router: Router;
  readonly config: CenterConfig;
  readonly queues = new Map<string, QueueSlot>();
  readonly agents = new Map<string, AgentSlot>();
  readonly contacts = new Map<string, LiveContact>();
  readonly since = new Map<string, AgentSince>();
  /** Work that actors asked for while processing; runs after them. */
  readonly work: (() => void)[] = [];
  readonly random: () => number;
  /** Every skill some configured agent has: a contact needing another is refused. */
  readonly staffedSkills = new Set<string>();
  journal: Journal | undefined;
  /** True while a journal is replayed: commands are not journaled again. */
  replaying = false;
  private busy = false;
  private seq = 0;

  constructor(options: CenterOptions) {
    this.clock = options.clock ?? wallClock;
    this.store = options.store ?? new MemoryStore();
    this.logger = options.logger ?? silentLogger;
    this.journal = options.journal;
    this.bus = new EventBus(this.logger);
    this.random = createRandom(options.seed ?? 1);
    this.config = parseConfig(this.store.loadConfig() ?? options.config);
    this.store.saveConfig(this.config);

    // Every delayed transition lands on this clock; routing runs right after.
    const inner = this.clock;
    const clock = {
      setTimeout: (fn: () => void, ms: number) => inner.setTimeout(() => this.step(fn, true), ms),
      clearTimeout: (id: unknown) => inner.clearTimeout(id),
    };
    this.root = createActor(centerMachine, { clock, inspect: options.inspect });
    this.root.start();
    this.router = new Router(() => this.clock.now(), this.agents);

    for (const q of this.config.queues) this.queues.set(q.id, this.spawnQueue(q.id, q, null));
    for (const a of this.config.agents) {
      for (const [skill, level] of Object.entries(a.skills))
        if (level > 0) this.staffedSkills.add(skill);
    }
    this.config.agents.forEach((a, order) => {
      const actor = createActor(agentMachine, {
        parent: this.root,
        input: {
          agentId: a.id,
          capacity: a.capacity,
          maxMissedOffers: this.config.maxMissedOffers,
          at: this.clock.now(),
        },
      });
      actor.start();
      const serves = this.config.queues
        .filter((q) => (a.queues ? a.queues.includes(q.id) : meetsWidest(q, a.skills)))
        .map((q) => this.queues.get(q.id)!);
      this.agents.set(a.id, {
        id: a.id,
        config: a,
        order,
        actor,
        serves,
        personal: null,
        personalId: `personal:${a.id}`,
        indexed: [],
        lastOfferSeq: 0,
        draw: 0,
      });
      this.since.set(a.id, { state: 'loggedOut', presence: 'loggedOut', at: this.clock.now() });
    });
  }

  /**
   * Runs one step: a command or a timer. Work queued by actors while they
   * were processing (their emitted events) runs after, outside them.
   */
  step<T>(fn: () => T, fromTimer = false): T {
    if (this.busy) return fn();
    if (!fromTimer) this.clock.catchUp?.();
    this.busy = true;
    try {
      const result = fn();
      while (this.work.length > 0) this.work.shift()!();
      return result;
    } finally {
      this.busy = false;
      this.work.length = 0;
    }
  }

  /** Runs a command as one step, and journals it once it succeeded. */
  command<T>(entry: Command, fn: () => T): T {
    return this.step(() => {
      const result = fn();
      if (!this.replaying) this.journal?.append(this.now(), entry);
      return result;
    });
  }

  journalCreate(request: ContactRequest, contactId: string): void {
    if (this.replaying || !this.journal) return;
    const record =
      this.contacts.get(contactId)?.actor.getSnapshot().context.record ??
      this.store.getContact(contactId)!;
    const { customer: _customer, ...rest } = request;
    this.journal.append(this.now(), {
      type: 'contact.create',
      request: {
        ...rest,
        id: contactId,
        queueId: record.firstQueueId,
        customerId: record.customerId ?? undefined,
      },
    });
  }

  /** Stamps the event (a fresh literal at every call site) in place: no copy per event. */
  publish(event: DistributiveOmit<DomainEvent, 'seq' | 'at'>): void {
    const stamped = event as DomainEvent;
    stamped.seq = this.nextSeq();
    stamped.at = this.now();
    this.bus.publish(stamped);
  }

  /** An agent's personal queue, spawned on first use (most never need one). */
  personalQueue(a: AgentSlot): QueueSlot {
    a.personal ??= this.spawnQueue(a.personalId, null, a.id);
    return a.personal;
  }

  get lastSeq(): number {
    return this.seq;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  now(): number {
    return this.clock.now();
  }

  spawnQueue(id: string, config: QueueConfig | null, ownerAgentId: string | null): QueueSlot {
    const actor = createActor(queueMachine, {
      parent: this.root,
      input: { queueId: id, ownerAgentId },
    });
    actor.start();
    return { id, config, ownerAgentId, actor };
  }

  stateOf(c: LiveContact): string {
    const value = c.actor.getSnapshot().value;
    return typeof value === 'string' ? value : Object.keys(value)[0]!;
  }

  view(c: LiveContact): LiveContactView {
    const { record } = c.actor.getSnapshot().context;
    return {
      id: c.id,
      state: this.stateOf(c) as LiveContactView['state'],
      record,
      priority: c.entry.priority,
      queueId: record.queueId,
      personalAgentId: c.personalAgentId,
      offer: c.offer,
      agentId: c.agentId,
    };
  }

  live(contactId: string): LiveContact {
    const c = this.contacts.get(contactId);
    if (!c) {
      const closed = this.store.getContact(contactId);
      if (closed) throw new EngineError('contact_gone', `contact ${contactId} has ended`);
      throw new EngineError('unknown_contact', `no contact ${contactId}`);
    }
    return c;
  }

  waiting(contactId: string): LiveContact {
    const c = this.live(contactId);
    if (!c.place || this.stateOf(c) !== 'queued') {
      throw new EngineError('wrong_state', `contact ${contactId} is not waiting in a queue`);
    }
    return c;
  }

  offeredTo(agentId: string, contactId: string): LiveContact {
    this.agent(agentId);
    const c = this.live(contactId);
    if (this.stateOf(c) !== 'offered' || c.offer?.agentId !== agentId) {
      throw new EngineError(
        'not_offered_to_agent',
        `contact ${contactId} is not ringing for agent ${agentId}`,
      );
    }
    return c;
  }

  handledBy(agentId: string, contactId: string): LiveContact {
    this.agent(agentId);
    const c = this.live(contactId);
    if (this.stateOf(c) !== 'connected' || c.agentId !== agentId) {
      throw new EngineError(
        'not_assigned_to_agent',
        `contact ${contactId} is not connected to agent ${agentId}`,
      );
    }
    return c;
  }

  agent(agentId: string): AgentSlot {
    const a = this.agents.get(agentId);
    if (!a) throw new EngineError('unknown_agent', `no agent ${agentId}`);
    return a;
  }

  loggedIn(agentId: string): AgentSlot {
    const a = this.agent(agentId);
    if (a.actor.getSnapshot().value === 'loggedOut') {
      throw new EngineError('agent_logged_out', `agent ${agentId} is not logged in`);
    }
    return a;
  }

  sharedQueue(queueId: string): QueueSlot {
    const q = this.queues.get(queueId);
    if (!q) throw new EngineError('unknown_queue', `no queue ${queueId}`);
    return q;
  }

  queueConfig(c: LiveContact): QueueConfig {
    return this.queues.get(c.actor.getSnapshot().context.record.queueId)!.config!;
  }

  queueOrder(queue: QueueSlot): LiveContact[] {
    const entries = [];
    for (const pool of queue.actor.getSnapshot().context.pools.values())
      entries.push(...pool.waiting.values());
    return entries.sort(compareEntries).map((e) => this.contacts.get(e.contactId)!);
  }
}

/** Whether an agent meets a queue's needs at their widest escalation step. */
function meetsWidest(queue: QueueConfig, skills: Readonly<Record<string, number>>): boolean {
  const floor = Math.min(...queue.escalation.map((e) => e.minProficiency));
  return queue.skills.every((s) => (skills[s.skill] ?? 0) >= Math.min(s.minProficiency, floor));
}
