/**
 * The running contact center: one XState actor system in which every
 * contact, agent and queue is an actor. Commands from customers, agents and
 * supervisors become actor events; the router then makes every offer the
 * new state allows, in the same step, and each change is published once on
 * the event bus.
 */
import { createActor, type Actor, type InspectionEvent } from 'xstate';
import { agentMachine, displayState, load } from '../machines/agent.js';
import {
  contactMachine,
  type ContactEmitted,
  type ContactTimers,
} from '../machines/contact.js';
import { queueMachine } from '../machines/queue.js';
import { centerMachine } from '../machines/center.js';
import { EventBus, type Listener } from './bus.js';
import { wallClock, type EngineClock } from './clock.js';
import { parseConfig, type CenterConfig, type CenterConfigInput, type QueueConfig } from './config.js';
import type { Command } from './commands.js';
import { EngineError } from './errors.js';
import type { Journal } from './journal.js';
import type { AgentState, DomainEvent } from './events.js';
import { silentLogger, type Logger } from './logger.js';
import type { Channel, ContactRecord, OfferOutcome } from './records.js';
import { Router, type AgentSlot, type ContactSlot, type QueueSlot } from './routing/router.js';
import type { Pool } from './routing/pool.js';
import { MemoryStore } from './store/memory-store.js';
import type { Customer, CustomerInput, Store } from './store/store.js';
import { createRandom } from './random.js';

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

export interface ContactRequest {
  channel: Channel;
  /** The queue to enter; or give a topic and let the center choose. */
  queueId?: string;
  /** A queue id or a skill that one queue requires. */
  topic?: string;
  /** A language, matched as a skill the agent must have. */
  language?: string;
  /** Further skills the agent must have. */
  skills?: string[];
  priority?: number;
  customerId?: string;
  customer?: CustomerInput;
  preferredAgentId?: string;
  /** A caller-chosen id (trace replay); generated when absent. */
  id?: string;
}

/** What happened to a new contact. */
export type RouteOutcome =
  | { kind: 'offered'; contactId: string; agentId: string; offerId: string }
  | { kind: 'queued'; contactId: string; queueId: string; noEligibleAgent: boolean }
  | { kind: 'rejected'; reason: 'unknown_queue' | 'unknown_skill'; detail: string };

interface LiveContact extends ContactSlot {
  offer: { offerId: string; agentId: string } | null;
  agentId: string | null;
  personalAgentId: string | null;
}

export class ContactCenter {
  readonly clock: EngineClock;
  readonly store: Store;
  private readonly logger: Logger;
  private readonly bus: EventBus;
  private readonly root: Actor<typeof centerMachine>;
  private readonly router: Router;
  private config: CenterConfig;
  private readonly queues = new Map<string, QueueSlot>();
  private readonly agents = new Map<string, AgentSlot>();
  private readonly contacts = new Map<string, LiveContact>();
  private readonly since = new Map<string, AgentSince>();
  private readonly work: (() => void)[] = [];
  private readonly random: () => number;
  /** Every skill some configured agent has: a contact needing another is refused. */
  private readonly staffedSkills = new Set<string>();
  private busy = false;
  private seq = 0;
  private journal: Journal | undefined;
  /** True while a journal is replayed: commands are not journaled again. */
  replaying = false;

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
      for (const [skill, level] of Object.entries(a.skills)) if (level > 0) this.staffedSkills.add(skill);
    }
    this.config.agents.forEach((a, order) => {
      const personal = this.spawnQueue(`personal:${a.id}`, null, a.id);
      const actor = createActor(agentMachine, {
        parent: this.root,
        input: { agentId: a.id, capacity: a.capacity, maxMissedOffers: this.config.maxMissedOffers, at: this.clock.now() },
      });
      actor.start();
      const serves = this.config.queues
        .filter((q) => (a.queues ? a.queues.includes(q.id) : meetsWidest(q, a.skills)))
        .map((q) => this.queues.get(q.id)!);
      this.agents.set(a.id, { id: a.id, config: a, order, actor, serves, personal, indexed: [], lastOfferSeq: 0, draw: 0 });
      this.since.set(a.id, { state: 'loggedOut', presence: 'loggedOut', at: this.clock.now() });
    });
  }

  get configuration(): CenterConfig {
    return this.config;
  }

  subscribe(listener: Listener): () => void {
    return this.bus.subscribe(listener);
  }

  // ── customers ──────────────────────────────────────────────────────────

  createContact(request: ContactRequest): RouteOutcome {
    return this.step(() => {
      const outcome = this.admit(request);
      if (outcome.kind !== 'rejected') this.journalCreate(request, outcome.contactId);
      return outcome;
    });
  }

  /** The customer hung up or left, while waiting or ringing. */
  abandon(contactId: string): void {
    this.command({ type: 'contact.abandon', contactId }, () => {
      const c = this.live(contactId);
      const state = this.stateOf(c);
      if (state !== 'queued' && state !== 'offered') {
        throw new EngineError('contact_gone', `contact ${contactId} is ${state}, not waiting`);
      }
      const offer = c.offer;
      this.router.unplace(c);
      c.actor.send({ type: 'ABANDON', at: this.now() });
      this.publish({ type: 'contact.abandoned', contactId });
      if (offer) this.endOffer(c, offer, 'cancelled');
      this.close(c);
    });
  }

  /** The customer would rather be called back; keeps its place. */
  requestCallback(contactId: string): void {
    this.command({ type: 'contact.callback', contactId }, () => {
      const c = this.live(contactId);
      if (this.stateOf(c) !== 'queued' && this.stateOf(c) !== 'offered') {
        throw new EngineError('contact_gone', `contact ${contactId} is no longer waiting`);
      }
      if (c.actor.getSnapshot().context.record.callbackRequestedAt !== null) return;
      c.actor.send({ type: 'CALLBACK', at: this.now() });
      this.publish({ type: 'contact.callback_requested', contactId });
    });
  }

  // ── agents ─────────────────────────────────────────────────────────────

  login(agentId: string): void {
    this.command({ type: 'agent.login', agentId }, () => {
      const a = this.agent(agentId);
      if (a.actor.getSnapshot().value !== 'loggedOut') return;
      a.actor.send({ type: 'LOGIN', at: this.now() });
      this.router.loggedIn(a);
      this.sync(a);
    });
  }

  ready(agentId: string): void {
    this.command({ type: 'agent.ready', agentId }, () => {
      const a = this.loggedIn(agentId);
      a.actor.send({ type: 'READY', at: this.now() });
      this.sync(a);
    });
  }

  notReady(agentId: string, reason: string): void {
    this.command({ type: 'agent.not_ready', agentId, reason }, () => {
      const a = this.loggedIn(agentId);
      this.withdrawOffers(a);
      a.actor.send({ type: 'NOT_READY', at: this.now(), reason });
      this.sync(a);
    });
  }

  logout(agentId: string): void {
    this.command({ type: 'agent.logout', agentId }, () => {
      const a = this.agent(agentId);
      if (a.actor.getSnapshot().value === 'loggedOut') return;
      this.withdrawOffers(a);
      for (const contactId of [...a.actor.getSnapshot().context.wrapUps]) {
        const c = this.contacts.get(contactId);
        if (c) {
          c.actor.send({ type: 'AGENT_GONE', at: this.now() });
          a.actor.send({ type: 'WRAP_UP_DONE', at: this.now(), contactId });
          this.close(c);
        }
      }
      a.actor.send({ type: 'LOGOUT', at: this.now() });
      this.sync(a);
    });
  }

  accept(agentId: string, contactId: string): void {
    this.command({ type: 'agent.accept', agentId, contactId }, () => {
      const a = this.agent(agentId);
      const c = this.contacts.get(contactId);
      if (!c || this.stateOf(c) === 'abandoned' || this.stateOf(c) === 'completed') {
        throw new EngineError('contact_gone', `contact ${contactId} has left`);
      }
      if (this.stateOf(c) !== 'offered' || c.offer?.agentId !== agentId) {
        throw new EngineError('not_offered_to_agent', `contact ${contactId} is not ringing for agent ${agentId}`);
      }
      const offer = c.offer;
      c.actor.send({ type: 'ACCEPT', at: this.now() });
      c.offer = null;
      c.agentId = agentId;
      c.personalAgentId = null;
      a.actor.send({ type: 'OFFER_ENDED', at: this.now(), contactId, accepted: true, missed: false });
      this.publish({ type: 'contact.offer_ended', contactId, offerId: offer.offerId, agentId, outcome: 'accepted' });
      this.publish({ type: 'contact.connected', contactId, agentId });
      this.sync(a);
    });
  }

  decline(agentId: string, contactId: string): void {
    this.command({ type: 'agent.decline', agentId, contactId }, () => {
      const c = this.offeredTo(agentId, contactId);
      const offer = c.offer!;
      const queue = this.queueConfig(c);
      c.actor.send({ type: 'DECLINE', at: this.now(), declineWindowMs: queue.declineWindowSec * 1000 });
      c.decliners.add(agentId);
      this.endOffer(c, offer, 'declined', () => {
        this.returnToQueue(c);
        this.route(c);
      });
    });
  }

  hold(agentId: string, contactId: string, onHold: boolean): void {
    this.command({ type: 'agent.hold', agentId, contactId, onHold }, () => {
      const c = this.handledBy(agentId, contactId);
      c.actor.send({ type: onHold ? 'HOLD' : 'RESUME', at: this.now() });
      this.publish({ type: 'contact.held', contactId, agentId, onHold });
    });
  }

  /** The conversation is over; wrap-up starts on the contact's queue timer. */
  end(agentId: string, contactId: string): void {
    this.command({ type: 'agent.end', agentId, contactId }, () => {
      const c = this.handledBy(agentId, contactId);
      const a = this.agent(agentId);
      const wrapUpMs = c.actor.getSnapshot().context.timers.wrapUpMs;
      c.actor.send({ type: 'END', at: this.now() });
      a.actor.send({ type: 'CONTACT_ENDED', at: this.now(), contactId, wrapUp: wrapUpMs > 0 });
      this.publish({ type: 'contact.ended', contactId, agentId, wrapUpUntil: this.now() + wrapUpMs });
      if (c.actor.getSnapshot().status === 'done') this.close(c);
      this.sync(a);
    });
  }

  finishWrapUp(agentId: string, contactId: string, disposition: string | null): void {
    this.command({ type: 'agent.wrap_up', agentId, contactId, disposition }, () => {
      const c = this.live(contactId);
      if (this.stateOf(c) !== 'wrapUp' || c.agentId !== agentId) {
        throw new EngineError('wrong_state', `contact ${contactId} is not in wrap-up with agent ${agentId}`);
      }
      c.actor.send({ type: 'FINISH_WRAP_UP', at: this.now(), disposition });
      const a = this.agent(agentId);
      a.actor.send({ type: 'WRAP_UP_DONE', at: this.now(), contactId });
      this.close(c);
      this.sync(a);
    });
  }

  // ── supervisors ────────────────────────────────────────────────────────

  /** Moves a waiting contact to a 0-based position in its queue's order. */
  moveToPosition(contactId: string, position: number): void {
    this.command({ type: 'supervisor.position', contactId, position }, () => {
      const c = this.waiting(contactId);
      const place = c.place!;
      const order = this.queueOrder(place.queue).filter((x) => x.id !== c.id);
      if (!Number.isInteger(position) || position < 0 || position > order.length) {
        throw new EngineError('invalid_position', `position ${position} is outside 0..${order.length}`);
      }
      const entry = between(order[position - 1]?.entry, order[position]?.entry, c.entry);
      const priority = entry.priority;
      this.router.unplace(c);
      c.entry = entry;
      c.actor.send({ type: 'SET_PRIORITY', priority });
      this.router.place(c, place.queue, place.pool);
      this.publishMoved(c);
      this.route(c);
    });
  }

  setPriority(contactId: string, priority: number): void {
    this.command({ type: 'supervisor.priority', contactId, priority }, () => {
      const c = this.waiting(contactId);
      const place = c.place!;
      this.router.unplace(c);
      c.entry = { ...c.entry, priority };
      c.actor.send({ type: 'SET_PRIORITY', priority });
      this.router.place(c, place.queue, place.pool);
      this.publishMoved(c);
      this.route(c);
    });
  }

  /** Moves a waiting contact to another shared queue; its wait goes on. */
  moveToQueue(contactId: string, queueId: string): void {
    this.command({ type: 'supervisor.queue', contactId, queueId }, () => {
      const c = this.waiting(contactId);
      const target = this.sharedQueue(queueId);
      c.personalAgentId = null;
      c.actor.send({ type: 'REQUEUE', at: this.now(), queueId, timers: this.timersFor(target.config!, c, null) });
      this.router.unplace(c);
      this.placeShared(c);
      this.publishMoved(c);
      this.route(c);
    });
  }

  /**
   * Gives a waiting contact to one agent: offered now if that agent is
   * free, else kept in the agent's personal queue until it is.
   */
  assign(contactId: string, agentId: string): void {
    this.command({ type: 'supervisor.assign', contactId, agentId }, () => {
      const c = this.waiting(contactId);
      const a = this.agent(agentId);
      this.router.unplace(c);
      this.placePersonal(c, a);
      this.publishMoved(c);
      this.route(c);
    });
  }

  /** Hands a connected contact to another agent, via its personal queue. */
  transfer(contactId: string, toAgentId: string): void {
    this.command({ type: 'supervisor.transfer', contactId, agentId: toAgentId }, () => {
      const c = this.live(contactId);
      const from = c.agentId;
      if (this.stateOf(c) !== 'connected' || from === null) {
        throw new EngineError('wrong_state', `contact ${contactId} is not connected`);
      }
      const to = this.agent(toAgentId);
      const a = this.agent(from);
      c.actor.send({ type: 'TRANSFER', at: this.now(), to: toAgentId });
      a.actor.send({ type: 'CONTACT_LEFT', at: this.now(), contactId });
      c.agentId = null;
      this.placePersonal(c, to);
      this.publish({ type: 'contact.transferred', contactId, from, to: toAgentId });
      this.publishMoved(c);
      this.sync(a);
      this.route(c);
    });
  }

  // ── reading ────────────────────────────────────────────────────────────

  /** Live contacts (not yet closed), for snapshots and supervisors. */
  liveContacts(): IterableIterator<LiveContactView> {
    return this.viewsOf(this.contacts.values());
  }

  contact(contactId: string): LiveContactView | null {
    const c = this.contacts.get(contactId);
    return c ? this.view(c) : null;
  }

  /** A queue's waiting contacts in the order they will be served. */
  queueContents(queueId: string): LiveContactView[] {
    const queue = this.queues.get(queueId) ?? this.agents.get(queueId.replace(/^personal:/, ''))?.personal;
    if (!queue) throw new EngineError('unknown_queue', `no queue ${queueId}`);
    return this.queueOrder(queue).map((c) => this.view(c));
  }

  /** 0-based position of a waiting contact in its queue, or null. */
  position(contactId: string): number | null {
    const c = this.contacts.get(contactId);
    if (!c?.place) return null;
    let n = 0;
    for (const pool of c.place.queue.actor.getSnapshot().context.pools.values()) {
      n += pool === c.place.pool ? pool.waiting.rank(c.id) : countBefore(pool, c.entry);
    }
    return n;
  }

  /**
   * The customer behind a contact and their past contacts, newest first:
   * what an agent sees beside an offer and a supervisor beside a queue.
   */
  customerProfile(contactId: string, historyLimit = 20): CustomerProfile | null {
    const record = this.contacts.get(contactId)?.actor.getSnapshot().context.record ?? this.store.getContact(contactId);
    if (!record) throw new EngineError('unknown_contact', `no contact ${contactId}`);
    if (record.customerId === null) return null;
    const customer = this.store.getCustomer(record.customerId);
    if (!customer) return null;
    const history = this.store
      .listContacts({ customerId: customer.id })
      .filter((r) => r.id !== contactId)
      .reverse()
      .slice(0, historyLimit);
    return { customer, history };
  }

  agentIds(): string[] {
    return [...this.agents.keys()];
  }

  agentStatus(agentId: string): AgentStatus {
    const a = this.agent(agentId);
    const { value, context } = a.actor.getSnapshot();
    const since = this.since.get(agentId)!;
    return {
      agentId,
      name: a.config.name,
      skills: a.config.skills,
      presence: value,
      state: since.state,
      stateSince: since.at,
      reason: context.reason,
      pending: context.pending,
      offers: [...context.offers],
      active: [...context.active],
      wrapUps: [...context.wrapUps],
      missedOffers: context.missed,
      handled: context.handled,
      capacity: context.capacity,
      queues: a.serves.map((q) => q.id),
      personalQueue: this.queueOrder(a.personal).map((c) => c.id),
    };
  }

  queueIds(): string[] {
    return [...this.queues.keys()];
  }

  /** Starts journaling commands (after a replay, see recover.ts). */
  attachJournal(journal: Journal): void {
    this.journal = journal;
  }

  stop(): void {
    this.root.stop();
  }

  // ── internals ──────────────────────────────────────────────────────────

  private admit(request: ContactRequest): RouteOutcome {
    const queue = this.resolveQueue(request);
    if (!queue) {
      return { kind: 'rejected', reason: 'unknown_queue', detail: `no queue for ${request.queueId ?? request.topic ?? '(none)'}` };
    }
    const extraSkills = [...new Set([...(request.skills ?? []), ...(request.language ? [request.language] : [])])];
    for (const skill of extraSkills) {
      if (!this.staffedSkills.has(skill)) {
        return { kind: 'rejected', reason: 'unknown_skill', detail: `no agent has skill ${skill}` };
      }
    }
    const id = request.id ?? `c${this.nextSeq()}`;
    if (this.contacts.has(id)) throw new EngineError('wrong_state', `contact ${id} already exists`);
    const now = this.now();
    const customerId = request.customer
      ? this.store.upsertCustomer(request.customer).id
      : (request.customerId ?? null);
    const priority = request.priority ?? queue.config!.priority;
    const record: ContactRecord = {
      id, channel: request.channel, firstQueueId: queue.id, queueId: queue.id, customerId, priority,
      skills: extraSkills, language: request.language ?? null, topic: request.topic ?? null,
      createdAt: now, queuedAt: now, offers: [], answeredAt: null, agentId: null, holdMs: 0,
      endedAt: null, wrapUpEndedAt: null, callbackRequestedAt: null, abandonedAt: null,
      overflows: [], transfers: [], disposition: null, noEligibleAgent: false, outcome: null,
    };
    const c: LiveContact = {
      id, voice: request.channel !== 'chat', extraSkills, place: null, decliners: new Set(),
      entry: { contactId: id, priority, rank: now - queue.config!.waitBonusSec * 1000, seq: this.nextSeq() },
      offer: null, agentId: null, personalAgentId: null,
      actor: undefined as unknown as LiveContact['actor'], // set just below
    };
    const pool = this.router.poolFor(queue, c, queue.config!, 0);
    record.noEligibleAgent = this.router.eligibleCount(pool) === 0;
    const preferred = request.preferredAgentId ? this.agents.get(request.preferredAgentId) : undefined;
    const preferenceUntil = preferred && this.prefers(preferred, queue.config!) ? now + queue.config!.preferenceWindowSec * 1000 : null;
    c.actor = createActor(contactMachine, {
      parent: this.root,
      input: { record, timers: this.timersFor(queue.config!, c, preferenceUntil, now) },
    });
    c.actor.on('*', (e) => this.work.push(() => this.onContactEmitted(c, e)));
    c.actor.start();
    this.contacts.set(id, c);

    const { noEligibleAgent } = record;
    this.publish({ type: 'contact.created', contactId: id, channel: request.channel, queueId: queue.id, customerId, noEligibleAgent });
    if (preferred && (preferenceUntil !== null || this.isFree(preferred, c))) this.placePersonal(c, preferred);
    else this.router.place(c, queue, pool);
    this.publish({ type: 'contact.queued', contactId: id, queueId: queue.id, personalAgentId: c.personalAgentId });
    this.route(c);

    if (c.offer) return { kind: 'offered', contactId: id, agentId: c.offer.agentId, offerId: c.offer.offerId };
    return { kind: 'queued', contactId: id, queueId: queue.id, noEligibleAgent };
  }

  private resolveQueue(request: ContactRequest): QueueSlot | undefined {
    if (request.queueId !== undefined) return this.queues.get(request.queueId);
    const topic = request.topic;
    if (topic === undefined) return this.queues.get(this.config.queues[0]!.id);
    return this.queues.get(topic) ?? [...this.queues.values()].find((q) => q.config?.skills.some((s) => s.skill === topic));
  }

  /** A preferred agent is waited for only while logged in and not away. */
  private prefers(agent: AgentSlot, queue: QueueConfig): boolean {
    const { value, context } = agent.actor.getSnapshot();
    return queue.preferenceWindowSec > 0 && value === 'ready' && context.pending === null;
  }

  private isFree(agent: AgentSlot, c: LiveContact): boolean {
    const { value, context } = agent.actor.getSnapshot();
    if (value !== 'ready' || context.pending !== null || context.voice.length > 0) return false;
    return c.voice ? load(context) === 0 : load(context) < context.capacity;
  }

  private timersFor(queue: QueueConfig, c: LiveContact, preferenceUntil: number | null, at = this.now()): ContactTimers {
    const queuedAt = c.actor ? c.actor.getSnapshot().context.record.queuedAt : at;
    const overflow = queue.overflowTo !== undefined && queue.maxWaitSec !== undefined;
    return {
      ringTimeoutMs: queue.ringTimeoutSec * 1000,
      wrapUpMs: queue.wrapUpSec * 1000,
      maxWaitAt: overflow ? queuedAt + queue.maxWaitSec! * 1000 : null,
      escalateAt: queue.escalation.map((s) => queuedAt + s.afterSec * 1000),
      preferenceUntil,
    };
  }

  private placeShared(c: LiveContact): void {
    const queue = this.queues.get(c.actor.getSnapshot().context.record.queueId)!;
    c.personalAgentId = null;
    const level = c.actor.getSnapshot().context.escalation;
    this.router.place(c, queue, this.router.poolFor(queue, c, queue.config!, level));
  }

  private placePersonal(c: LiveContact, agent: AgentSlot): void {
    const queue = this.queues.get(c.actor.getSnapshot().context.record.queueId)!;
    c.personalAgentId = agent.id;
    this.router.place(c, agent.personal, this.router.poolFor(agent.personal, c, queue.config!, 0));
  }

  /** Makes every offer possible for this contact, then for freed agents. */
  private route(c: LiveContact): void {
    if (!c.place || this.stateOf(c) !== 'queued') return;
    const agent = c.personalAgentId !== null
      ? this.freeAgent(this.agents.get(c.personalAgentId), c)
      : this.router.bestAgentFor(c);
    if (agent) this.offer(c, agent);
  }

  private freeAgent(agent: AgentSlot | undefined, c: LiveContact): AgentSlot | undefined {
    if (!agent || !this.isFree(agent, c)) return undefined;
    const until = c.actor.getSnapshot().context.declinedUntil[agent.id] ?? -Infinity;
    return until <= this.now() ? agent : undefined;
  }

  private routeAgent(a: AgentSlot): void {
    for (;;) {
      const c = this.router.bestContactFor(a, this.contacts);
      if (!c) return;
      this.offer(c as LiveContact, a);
    }
  }

  private offer(c: LiveContact, a: AgentSlot): void {
    const queueId = c.actor.getSnapshot().context.record.queueId;
    const offerId = `${c.id}:${c.actor.getSnapshot().context.record.offers.length + 1}`;
    this.router.unplace(c);
    c.offer = { offerId, agentId: a.id };
    c.actor.send({ type: 'OFFER', at: this.now(), offerId, agentId: a.id, queueId });
    a.actor.send({ type: 'RESERVE', at: this.now(), contactId: c.id, voice: c.voice });
    a.lastOfferSeq = this.nextSeq();
    const expiresAt = this.now() + c.actor.getSnapshot().context.timers.ringTimeoutMs;
    this.publish({ type: 'contact.offered', contactId: c.id, offerId, agentId: a.id, queueId, expiresAt });
    this.sync(a, false);
  }

  /**
   * Ends an offer: publishes it, runs `first` (routing the contact to the
   * others) and only then frees the agent, so it is not offered the same
   * contact again while another agent is free.
   */
  private endOffer(
    c: LiveContact,
    offer: { offerId: string; agentId: string },
    outcome: OfferOutcome,
    first?: () => void,
  ): void {
    if (c.offer?.offerId === offer.offerId) c.offer = null;
    const a = this.agents.get(offer.agentId)!;
    this.publish({ type: 'contact.offer_ended', contactId: c.id, offerId: offer.offerId, agentId: a.id, outcome });
    first?.();
    a.actor.send({ type: 'OFFER_ENDED', at: this.now(), contactId: c.id, accepted: false, missed: outcome === 'timeout' });
    this.sync(a);
  }

  /** Puts a contact back where it waited, with its original entry. */
  private returnToQueue(c: LiveContact): void {
    if (c.personalAgentId !== null) {
      const a = this.agents.get(c.personalAgentId)!;
      if (a.actor.getSnapshot().value !== 'loggedOut') return this.placePersonal(c, a);
    }
    this.placeShared(c);
  }

  private withdrawOffers(a: AgentSlot): void {
    for (const contactId of [...a.actor.getSnapshot().context.offers]) {
      const c = this.contacts.get(contactId)!;
      const offer = c.offer!;
      c.actor.send({ type: 'WITHDRAW', at: this.now() });
      c.offer = null;
      a.actor.send({ type: 'OFFER_ENDED', at: this.now(), contactId, accepted: false, missed: false });
      this.publish({ type: 'contact.offer_ended', contactId, offerId: offer.offerId, agentId: a.id, outcome: 'withdrawn' });
      if (c.personalAgentId === a.id) c.personalAgentId = null;
      this.returnToQueue(c);
      this.work.push(() => this.route(c));
    }
  }

  /**
   * After any change to an agent: publishes a new display state, handles a
   * presence change (leaving pools; contacts that waited for it by
   * preference, or for a logged-out agent, go back to their queue), then
   * re-files the agent for routing and gives it work if it is free.
   */
  private sync(a: AgentSlot, route = true): void {
    const { value, context } = a.actor.getSnapshot();
    const state = displayState(value, context);
    const previous = this.since.get(a.id)!;
    if (state !== previous.state) {
      this.since.set(a.id, { state, presence: value, at: this.now() });
      this.publish({ type: 'agent.state', agentId: a.id, state, previous: previous.state, reason: context.reason });
    }
    if (value !== previous.presence) {
      this.since.get(a.id)!.presence = value;
      if (value === 'loggedOut') this.router.loggedOut(a);
      if (value !== 'ready') this.releasePersonal(a, value === 'loggedOut');
    }
    a.draw = this.random();
    this.router.reindex(a);
    if (route) this.routeAgent(a);
  }

  private releasePersonal(a: AgentSlot, all: boolean): void {
    for (const c of this.queueOrder(a.personal)) {
      if (all || c.actor.getSnapshot().context.timers.preferenceUntil !== null) {
        this.router.unplace(c);
        this.placeShared(c);
        this.publishMoved(c);
        this.work.push(() => this.route(c));
      }
    }
  }

  private onContactEmitted(c: LiveContact, e: ContactEmitted): void {
    if (!this.contacts.has(c.id)) return;
    switch (e.type) {
      case 'ringTimeout': {
        const offer = c.offer;
        if (!offer || offer.offerId !== e.offerId) return;
        this.endOffer(c, offer, 'timeout', () => {
          this.returnToQueue(c);
          this.route(c);
        });
        return;
      }
      case 'wrapUpDone': {
        const a = this.agents.get(e.agentId);
        a?.actor.send({ type: 'WRAP_UP_DONE', at: this.now(), contactId: c.id });
        this.close(c);
        if (a) this.sync(a);
        return;
      }
      case 'deadline':
        this.onDeadline(c, e.kinds);
    }
  }

  private onDeadline(c: LiveContact, kinds: readonly string[]): void {
    if (this.stateOf(c) !== 'queued') return;
    const record = c.actor.getSnapshot().context.record;
    const queue = this.queues.get(record.queueId)!.config!;
    const visited = new Set([record.firstQueueId, ...record.overflows.map((o) => o.to)]);
    if (kinds.includes('maxWait') && queue.overflowTo && !visited.has(queue.overflowTo)) {
      const to = this.queues.get(queue.overflowTo)!;
      this.router.unplace(c);
      c.actor.send({ type: 'OVERFLOW', at: this.now(), to: to.id, timers: this.timersFor(to.config!, c, null) });
      this.placeShared(c);
      this.publish({ type: 'contact.overflowed', contactId: c.id, from: queue.id, to: to.id });
    } else if (kinds.includes('escalation') || kinds.includes('preference')) {
      if (c.personalAgentId === null || kinds.includes('preference')) {
        this.router.unplace(c);
        this.placeShared(c);
        this.publishMoved(c);
      }
    }
    this.route(c);
  }

  private close(c: LiveContact): void {
    this.router.unplace(c);
    this.contacts.delete(c.id);
    const record = c.actor.getSnapshot().context.record;
    this.store.saveContact(record);
    this.publish({ type: 'contact.closed', contactId: c.id, record });
  }

  private publishMoved(c: LiveContact): void {
    const record = c.actor.getSnapshot().context.record;
    this.publish({ type: 'contact.moved', contactId: c.id, queueId: record.queueId, priority: c.entry.priority, personalAgentId: c.personalAgentId });
  }

  private queueOrder(queue: QueueSlot): LiveContact[] {
    const entries = [];
    for (const pool of queue.actor.getSnapshot().context.pools.values()) entries.push(...pool.waiting.values());
    return entries.sort(compareEntries).map((e) => this.contacts.get(e.contactId)!);
  }

  /** Runs a command as one step, and journals it once it succeeded. */
  private command<T>(entry: Command, fn: () => T): T {
    return this.step(() => {
      const result = fn();
      if (!this.replaying) this.journal?.append(this.now(), entry);
      return result;
    });
  }

  private journalCreate(request: ContactRequest, contactId: string): void {
    if (this.replaying || !this.journal) return;
    const record = this.contacts.get(contactId)?.actor.getSnapshot().context.record ?? this.store.getContact(contactId)!;
    const { customer: _customer, ...rest } = request;
    this.journal.append(this.now(), {
      type: 'contact.create',
      request: { ...rest, id: contactId, queueId: record.firstQueueId, customerId: record.customerId ?? undefined },
    });
  }

  /**
   * Runs one step: a command or a timer. Work queued by actors while they
   * were processing (their emitted events) runs after, outside them.
   */
  private step<T>(fn: () => T, fromTimer = false): T {
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

  private publish(event: DistributiveOmit<DomainEvent, 'seq' | 'at'>): void {
    this.bus.publish({ ...event, seq: this.nextSeq(), at: this.now() } as DomainEvent);
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  private now(): number {
    return this.clock.now();
  }

  private spawnQueue(id: string, config: QueueConfig | null, ownerAgentId: string | null): QueueSlot {
    const actor = createActor(queueMachine, { parent: this.root, input: { queueId: id, ownerAgentId } });
    actor.start();
    return { id, config, ownerAgentId, actor };
  }

  private stateOf(c: LiveContact): string {
    const value = c.actor.getSnapshot().value;
    return typeof value === 'string' ? value : Object.keys(value)[0]!;
  }

  private view(c: LiveContact): LiveContactView {
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

  private *viewsOf(slots: Iterable<LiveContact>): IterableIterator<LiveContactView> {
    for (const c of slots) yield this.view(c);
  }

  private live(contactId: string): LiveContact {
    const c = this.contacts.get(contactId);
    if (!c) {
      const closed = this.store.getContact(contactId);
      if (closed) throw new EngineError('contact_gone', `contact ${contactId} has ended`);
      throw new EngineError('unknown_contact', `no contact ${contactId}`);
    }
    return c;
  }

  private waiting(contactId: string): LiveContact {
    const c = this.live(contactId);
    if (!c.place || this.stateOf(c) !== 'queued') {
      throw new EngineError('wrong_state', `contact ${contactId} is not waiting in a queue`);
    }
    return c;
  }

  private offeredTo(agentId: string, contactId: string): LiveContact {
    this.agent(agentId);
    const c = this.live(contactId);
    if (this.stateOf(c) !== 'offered' || c.offer?.agentId !== agentId) {
      throw new EngineError('not_offered_to_agent', `contact ${contactId} is not ringing for agent ${agentId}`);
    }
    return c;
  }

  private handledBy(agentId: string, contactId: string): LiveContact {
    this.agent(agentId);
    const c = this.live(contactId);
    if (this.stateOf(c) !== 'connected' || c.agentId !== agentId) {
      throw new EngineError('not_assigned_to_agent', `contact ${contactId} is not connected to agent ${agentId}`);
    }
    return c;
  }

  private agent(agentId: string): AgentSlot {
    const a = this.agents.get(agentId);
    if (!a) throw new EngineError('unknown_agent', `no agent ${agentId}`);
    return a;
  }

  private loggedIn(agentId: string): AgentSlot {
    const a = this.agent(agentId);
    if (a.actor.getSnapshot().value === 'loggedOut') {
      throw new EngineError('agent_logged_out', `agent ${agentId} is not logged in`);
    }
    return a;
  }

  private sharedQueue(queueId: string): QueueSlot {
    const q = this.queues.get(queueId);
    if (!q) throw new EngineError('unknown_queue', `no queue ${queueId}`);
    return q;
  }

  private queueConfig(c: LiveContact): QueueConfig {
    return this.queues.get(c.actor.getSnapshot().context.record.queueId)!.config!;
  }
}

export interface LiveContactView {
  id: string;
  state: 'queued' | 'offered' | 'connected' | 'wrapUp' | 'completed' | 'abandoned';
  record: ContactRecord;
  priority: number;
  queueId: string;
  personalAgentId: string | null;
  offer: { offerId: string; agentId: string } | null;
  agentId: string | null;
}

export interface CustomerProfile {
  customer: Customer;
  /** Closed contacts of this customer, newest first. */
  history: ContactRecord[];
}

export interface AgentStatus {
  agentId: string;
  name: string;
  skills: Readonly<Record<string, number>>;
  presence: 'loggedOut' | 'ready' | 'notReady';
  state: AgentState;
  stateSince: number;
  reason: string | null;
  pending: { state: string } | null;
  offers: string[];
  active: string[];
  wrapUps: string[];
  missedOffers: number;
  handled: number;
  capacity: number;
  queues: string[];
  personalQueue: string[];
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function compareEntries(a: { priority: number; rank: number; seq: number }, b: typeof a): number {
  return b.priority - a.priority || a.rank - b.rank || a.seq - b.seq;
}

function countBefore(pool: Pool, entry: { priority: number; rank: number; seq: number }): number {
  let n = 0;
  for (const e of pool.waiting.values()) if (compareEntries(e, entry) < 0) n += 1;
  return n;
}

interface AgentSince {
  state: AgentState;
  presence: 'loggedOut' | 'ready' | 'notReady';
  at: number;
}

type Order = { priority: number; rank: number; seq: number };

/**
 * An order key that sorts right after `before` and right before `after`.
 * With a lower-priority neighbour after, the contact takes the priority of
 * the one before it: a move never reorders anyone else.
 */
function between<T extends Order>(before: Order | undefined, after: Order | undefined, self: T): T {
  if (before && after) {
    if (before.priority !== after.priority) {
      return { ...self, priority: before.priority, rank: before.rank, seq: before.seq + 0.5 };
    }
    if (before.rank !== after.rank) {
      return { ...self, priority: before.priority, rank: (before.rank + after.rank) / 2, seq: before.seq };
    }
    return { ...self, priority: before.priority, rank: before.rank, seq: (before.seq + after.seq) / 2 };
  }
  if (after) return { ...self, priority: after.priority, rank: after.rank, seq: after.seq - 0.5 };
  if (before) return { ...self, priority: before.priority, rank: before.rank, seq: before.seq + 0.5 };
  return self;
}

/** Whether an agent meets a queue's needs at their widest escalation step. */
function meetsWidest(queue: QueueConfig, skills: Readonly<Record<string, number>>): boolean {
  const floor = Math.min(...queue.escalation.map((e) => e.minProficiency));
  return queue.skills.every((s) => (skills[s.skill] ?? 0) >= Math.min(s.minProficiency, floor));
}
