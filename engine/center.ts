/**
 * The running contact center: one XState actor system in which every
 * contact, agent and queue is an actor. Commands from customers, agents and
 * supervisors become actor events; the router then makes every offer the
 * new state allows, in the same step, and each change is published once on
 * the event bus. This class is the center's public face; its parts live in
 * engine/core/.
 */
import type { Listener } from './bus.js';
import type { EngineClock } from './clock.js';
import type { CenterConfig } from './config.js';
import { admit } from './core/admission.js';
import { CenterCore, type CenterOptions } from './core/center-core.js';
import {
  close,
  endOffer,
  placePersonal,
  placeShared,
  publishMoved,
  returnToQueue,
  route,
  withdrawOffers,
} from './core/dispatch.js';
import { sync } from './core/presence.js';
import { between, countBefore } from './core/queue-order.js';
import { timersFor } from './core/timers.js';
import type {
  AgentStatus,
  ContactRequest,
  CustomerProfile,
  LiveContact,
  LiveContactView,
  RouteOutcome,
} from './core/types.js';
import { EngineError } from './errors.js';
import type { AgentState } from './events.js';
import type { Journal } from './journal.js';
import type { Store } from './store/store.js';

export type { CenterOptions } from './core/center-core.js';
export type {
  AgentStatus,
  ContactRequest,
  CustomerProfile,
  LiveContactView,
  RouteOutcome,
} from './core/types.js';

export class ContactCenter {
  private readonly core: CenterCore;

  constructor(options: CenterOptions) {
    this.core = new CenterCore(options);
  }

  get clock(): EngineClock {
    return this.core.clock;
  }

  get store(): Store {
    return this.core.store;
  }

  /** True while a journal is replayed: commands are not journaled again. */
  get replaying(): boolean {
    return this.core.replaying;
  }

  set replaying(on: boolean) {
    this.core.replaying = on;
  }

  /** The engine's sequence counter: every event published so far has a seq at or below it. */
  get lastSeq(): number {
    return this.core.lastSeq;
  }

  get configuration(): CenterConfig {
    return this.core.config;
  }

  subscribe(listener: Listener): () => void {
    return this.core.bus.subscribe(listener);
  }

  // ── customers ──────────────────────────────────────────────────────────

  createContact(request: ContactRequest): RouteOutcome {
    return this.core.step(() => {
      const outcome = admit(this.core, request);
      if (outcome.kind !== 'rejected') this.core.journalCreate(request, outcome.contactId);
      return outcome;
    });
  }

  /** The customer hung up or left, while waiting or ringing. */
  abandon(contactId: string): void {
    this.core.command({ type: 'contact.abandon', contactId }, () => {
      const c = this.core.live(contactId);
      const state = this.core.stateOf(c);
      if (state !== 'queued' && state !== 'offered') {
        throw new EngineError('contact_gone', `contact ${contactId} is ${state}, not waiting`);
      }
      const offer = c.offer;
      this.core.router.unplace(c);
      c.actor.send({ type: 'ABANDON', at: this.core.now() });
      this.core.publish({ type: 'contact.abandoned', contactId });
      if (offer) endOffer(this.core, c, offer, 'cancelled');
      close(this.core, c);
    });
  }

  /** The customer would rather be called back; keeps its place. */
  requestCallback(contactId: string): void {
    this.core.command({ type: 'contact.callback', contactId }, () => {
      const c = this.core.live(contactId);
      if (this.core.stateOf(c) !== 'queued' && this.core.stateOf(c) !== 'offered') {
        throw new EngineError('contact_gone', `contact ${contactId} is no longer waiting`);
      }
      if (c.actor.getSnapshot().context.record.callbackRequestedAt !== null) return;
      c.actor.send({ type: 'CALLBACK', at: this.core.now() });
      this.core.publish({ type: 'contact.callback_requested', contactId });
    });
  }

  // ── agents ─────────────────────────────────────────────────────────────

  login(agentId: string): void {
    this.core.command({ type: 'agent.login', agentId }, () => {
      const a = this.core.agent(agentId);
      if (a.actor.getSnapshot().value !== 'loggedOut') return;
      a.actor.send({ type: 'LOGIN', at: this.core.now() });
      this.core.router.loggedIn(a);
      sync(this.core, a);
    });
  }

  ready(agentId: string): void {
    this.core.command({ type: 'agent.ready', agentId }, () => {
      const a = this.core.loggedIn(agentId);
      a.actor.send({ type: 'READY', at: this.core.now() });
      sync(this.core, a);
    });
  }

  notReady(agentId: string, reason: string): void {
    this.core.command({ type: 'agent.not_ready', agentId, reason }, () => {
      const a = this.core.loggedIn(agentId);
      withdrawOffers(this.core, a);
      a.actor.send({ type: 'NOT_READY', at: this.core.now(), reason });
      sync(this.core, a);
    });
  }

  logout(agentId: string): void {
    this.core.command({ type: 'agent.logout', agentId }, () => {
      const a = this.core.agent(agentId);
      if (a.actor.getSnapshot().value === 'loggedOut') return;
      withdrawOffers(this.core, a);
      for (const contactId of [...a.actor.getSnapshot().context.wrapUps]) {
        const c = this.core.contacts.get(contactId);
        if (c) {
          c.actor.send({ type: 'AGENT_GONE', at: this.core.now() });
          a.actor.send({ type: 'WRAP_UP_DONE', at: this.core.now(), contactId });
          close(this.core, c);
        }
      }
      a.actor.send({ type: 'LOGOUT', at: this.core.now() });
      sync(this.core, a);
    });
  }

  accept(agentId: string, contactId: string): void {
    this.core.command({ type: 'agent.accept', agentId, contactId }, () => {
      const a = this.core.agent(agentId);
      const c = this.core.live(contactId);
      if (this.core.stateOf(c) !== 'offered' || c.offer?.agentId !== agentId) {
        throw new EngineError(
          'not_offered_to_agent',
          `contact ${contactId} is not ringing for agent ${agentId}`,
        );
      }
      const offer = c.offer;
      c.actor.send({ type: 'ACCEPT', at: this.core.now() });
      c.offer = null;
      c.agentId = agentId;
      c.personalAgentId = null;
      a.actor.send({
        type: 'OFFER_ENDED',
        at: this.core.now(),
        contactId,
        accepted: true,
        missed: false,
      });
      this.core.publish({
        type: 'contact.offer_ended',
        contactId,
        offerId: offer.offerId,
        agentId,
        outcome: 'accepted',
      });
      this.core.publish({ type: 'contact.connected', contactId, agentId });
      sync(this.core, a);
    });
  }

  decline(agentId: string, contactId: string): void {
    this.core.command({ type: 'agent.decline', agentId, contactId }, () => {
      const c = this.core.offeredTo(agentId, contactId);
      const offer = c.offer!;
      const queue = this.core.queueConfig(c);
      c.actor.send({
        type: 'DECLINE',
        at: this.core.now(),
        declineWindowMs: queue.declineWindowSec * 1000,
      });
      c.decliners.add(agentId);
      endOffer(this.core, c, offer, 'declined', () => {
        returnToQueue(this.core, c);
        route(this.core, c);
      });
    });
  }

  hold(agentId: string, contactId: string, onHold: boolean): void {
    this.core.command({ type: 'agent.hold', agentId, contactId, onHold }, () => {
      const c = this.core.handledBy(agentId, contactId);
      c.actor.send({ type: onHold ? 'HOLD' : 'RESUME', at: this.core.now() });
      this.core.publish({ type: 'contact.held', contactId, agentId, onHold });
    });
  }

  /** The conversation is over; wrap-up starts on the contact's queue timer. */
  end(agentId: string, contactId: string): void {
    this.core.command({ type: 'agent.end', agentId, contactId }, () => {
      this.endConversation(this.core.handledBy(agentId, contactId), agentId);
    });
  }

  /**
   * The customer hung up or closed the chat: while waiting or ringing it is
   * an abandon; once connected the conversation ends and the agent's
   * wrap-up starts, as if the agent had ended it.
   */
  hangUp(contactId: string): void {
    const c = this.core.live(contactId);
    const state = this.core.stateOf(c);
    if (state === 'queued' || state === 'offered') return this.abandon(contactId);
    this.core.command({ type: 'contact.hangup', contactId }, () => {
      if (this.core.stateOf(c) !== 'connected' || c.agentId === null) {
        throw new EngineError(
          'contact_gone',
          `contact ${contactId} is ${state}, not in conversation`,
        );
      }
      this.endConversation(c, c.agentId);
    });
  }

  private endConversation(c: LiveContact, agentId: string): void {
    const a = this.core.agent(agentId);
    const wrapUpMs = c.actor.getSnapshot().context.timers.wrapUpMs;
    c.actor.send({ type: 'END', at: this.core.now() });
    a.actor.send({
      type: 'CONTACT_ENDED',
      at: this.core.now(),
      contactId: c.id,
      wrapUp: wrapUpMs > 0,
    });
    this.core.publish({
      type: 'contact.ended',
      contactId: c.id,
      agentId,
      wrapUpUntil: this.core.now() + wrapUpMs,
    });
    if (c.actor.getSnapshot().status === 'done') close(this.core, c);
    sync(this.core, a);
  }

  finishWrapUp(agentId: string, contactId: string, disposition: string | null): void {
    this.core.command({ type: 'agent.wrap_up', agentId, contactId, disposition }, () => {
      const c = this.core.live(contactId);
      if (this.core.stateOf(c) !== 'wrapUp' || c.agentId !== agentId) {
        throw new EngineError(
          'wrong_state',
          `contact ${contactId} is not in wrap-up with agent ${agentId}`,
        );
      }
      c.actor.send({ type: 'FINISH_WRAP_UP', at: this.core.now(), disposition });
      const a = this.core.agent(agentId);
      a.actor.send({ type: 'WRAP_UP_DONE', at: this.core.now(), contactId });
      close(this.core, c);
      sync(this.core, a);
    });
  }

  // ── supervisors ────────────────────────────────────────────────────────

  /** Moves a waiting contact to a 0-based position in its queue's order. */
  moveToPosition(contactId: string, position: number): void {
    this.core.command({ type: 'supervisor.position', contactId, position }, () => {
      const c = this.core.waiting(contactId);
      const place = c.place!;
      const order = this.core.queueOrder(place.queue).filter((x) => x.id !== c.id);
      if (!Number.isInteger(position) || position < 0 || position > order.length) {
        throw new EngineError(
          'invalid_position',
          `position ${position} is outside 0..${order.length}`,
        );
      }
      const entry = between(order[position - 1]?.entry, order[position]?.entry, c.entry);
      const priority = entry.priority;
      this.core.router.unplace(c);
      c.entry = entry;
      c.actor.send({ type: 'SET_PRIORITY', priority });
      this.core.router.place(c, place.queue, place.pool);
      publishMoved(this.core, c);
      route(this.core, c);
    });
  }

  setPriority(contactId: string, priority: number): void {
    this.core.command({ type: 'supervisor.priority', contactId, priority }, () => {
      const c = this.core.waiting(contactId);
      const place = c.place!;
      this.core.router.unplace(c);
      c.entry = { ...c.entry, priority };
      c.actor.send({ type: 'SET_PRIORITY', priority });
      this.core.router.place(c, place.queue, place.pool);
      publishMoved(this.core, c);
      route(this.core, c);
    });
  }

  /** Moves a waiting contact to another shared queue; its wait goes on. */
  moveToQueue(contactId: string, queueId: string): void {
    this.core.command({ type: 'supervisor.queue', contactId, queueId }, () => {
      const c = this.core.waiting(contactId);
      const target = this.core.sharedQueue(queueId);
      c.personalAgentId = null;
      c.actor.send({
        type: 'REQUEUE',
        at: this.core.now(),
        queueId,
        timers: timersFor(this.core, target.config!, c, null),
      });
      this.core.router.unplace(c);
      placeShared(this.core, c);
      publishMoved(this.core, c);
      route(this.core, c);
    });
  }

  /**
   * Gives a waiting contact to one agent: offered now if that agent is
   * free, else kept in the agent's personal queue until it is.
   */
  assign(contactId: string, agentId: string): void {
    this.core.command({ type: 'supervisor.assign', contactId, agentId }, () => {
      const c = this.core.waiting(contactId);
      const a = this.core.agent(agentId);
      this.core.router.unplace(c);
      placePersonal(this.core, c, a);
      publishMoved(this.core, c);
      route(this.core, c);
    });
  }

  /** Hands a connected contact to another agent, via its personal queue. */
  transfer(contactId: string, toAgentId: string): void {
    this.core.command({ type: 'supervisor.transfer', contactId, agentId: toAgentId }, () => {
      const c = this.core.live(contactId);
      const from = c.agentId;
      if (this.core.stateOf(c) !== 'connected' || from === null) {
        throw new EngineError('wrong_state', `contact ${contactId} is not connected`);
      }
      const to = this.core.agent(toAgentId);
      const a = this.core.agent(from);
      c.actor.send({ type: 'TRANSFER', at: this.core.now(), to: toAgentId });
      a.actor.send({ type: 'CONTACT_LEFT', at: this.core.now(), contactId });
      c.agentId = null;
      placePersonal(this.core, c, to);
      this.core.publish({ type: 'contact.transferred', contactId, from, to: toAgentId });
      publishMoved(this.core, c);
      sync(this.core, a);
      route(this.core, c);
    });
  }

  // ── reading ────────────────────────────────────────────────────────────

  /** Live contacts (not yet closed), for snapshots and supervisors. */
  liveContacts(): IterableIterator<LiveContactView> {
    return this.viewsOf(this.core.contacts.values());
  }

  contact(contactId: string): LiveContactView | null {
    const c = this.core.contacts.get(contactId);
    return c ? this.core.view(c) : null;
  }

  /** A queue's waiting contacts in the order they will be served. */
  queueContents(queueId: string): LiveContactView[] {
    const queue = this.core.queues.get(queueId) ?? this.personalQueueOf(queueId);
    if (!queue) throw new EngineError('unknown_queue', `no queue ${queueId}`);
    return this.core.queueOrder(queue).map((c) => this.core.view(c));
  }

  /** 0-based position of a waiting contact in its queue, or null. */
  position(contactId: string): number | null {
    const c = this.core.contacts.get(contactId);
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
    const record =
      this.core.contacts.get(contactId)?.actor.getSnapshot().context.record ??
      this.core.store.getContact(contactId);
    if (!record) throw new EngineError('unknown_contact', `no contact ${contactId}`);
    if (record.customerId === null) return null;
    const customer = this.core.store.getCustomer(record.customerId);
    if (!customer) return null;
    const history = this.core.store
      .listContacts({ customerId: customer.id, newestFirst: true, limit: historyLimit + 1 })
      .filter((r) => r.id !== contactId)
      .slice(0, historyLimit);
    return { customer, history };
  }

  agentIds(): string[] {
    return [...this.core.agents.keys()];
  }

  /** An agent's display state and presence, without building its full status. */
  agentState(agentId: string): { state: AgentState; presence: 'loggedOut' | 'ready' | 'notReady' } {
    this.core.agent(agentId);
    const { state, presence } = this.core.since.get(agentId)!;
    return { state, presence };
  }

  agentStatus(agentId: string): AgentStatus {
    const a = this.core.agent(agentId);
    const { value, context } = a.actor.getSnapshot();
    const since = this.core.since.get(agentId)!;
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
      personalQueue: a.personal ? this.core.queueOrder(a.personal).map((c) => c.id) : [],
    };
  }

  /** Logged-in agents who serve a queue, free or not. O(1). */
  staffedCount(queueId: string): number {
    return this.core.router.staffedCount(queueId);
  }

  queueIds(): string[] {
    return [...this.core.queues.keys()];
  }

  /** Starts journaling commands (after a replay, see recover.ts). */
  attachJournal(journal: Journal): void {
    this.core.journal = journal;
  }

  stop(): void {
    this.core.root.stop();
  }

  private personalQueueOf(queueId: string) {
    const agent = this.core.agents.get(queueId.replace(/^personal:/, ''));
    return agent && queueId === agent.personalId ? this.core.personalQueue(agent) : undefined;
  }

  private *viewsOf(slots: Iterable<LiveContact>): IterableIterator<LiveContactView> {
    for (const c of slots) yield this.core.view(c);
  }
}
