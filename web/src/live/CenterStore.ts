/**
 * The supervisor's live picture of the center, kept outside React: agents,
 * their workload and the queues' contacts in order. Events are applied as
 * they arrive, but listeners hear of them only at a flush, which the
 * injected scheduler runs a few times a second, so a burst of a thousand
 * events costs one render. Each flush publishes an immutable snapshot in
 * which unchanged agents and queues keep their identity, so memoised
 * components skip them.
 */
import type { AgentView, ContactDetail, DomainEvent, QueueView } from '../api/types';
import { contactChange } from './contactChange';
import { comesBefore, fromDetail, holderOf, sharedQueueOf, type LiveContact } from './LiveContact';
import {
  countStates,
  emptySnapshot,
  newRow,
  rowOf,
  type AgentCardModel,
  type AgentRow,
  type CenterSnapshot,
  type QueueModel,
} from './CenterSnapshot';

export interface CenterStoreOptions {
  /** Arranges for `flush` to run soon; called once per pending batch. */
  schedule: (flush: () => void) => void;
  /** A contact moved in a way that only the server's order can tell. */
  onQueueStale?: (queueId: string) => void;
}

export class CenterStore {
  private agents = new Map<string, AgentRow>();
  private contacts = new Map<string, LiveContact>();
  private queueInfo = new Map<string, QueueView>();
  private byAgent = new Map<string, Set<string>>();
  private byQueue = new Map<string, string[]>();
  private agentOrder: string[] = [];
  private dirtyAgents = new Set<string>();
  private dirtyQueues = new Set<string>();
  private orderDirty = true;
  private pending = false;
  private seq = 0;
  private snapshot: CenterSnapshot = emptySnapshot();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly options: CenterStoreOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CenterSnapshot => this.snapshot;

  /** Replaces everything with a state read over HTTP. */
  load(
    agents: AgentView[],
    queues: QueueView[],
    queueContacts: Map<string, ContactDetail[]>,
  ): void {
    this.agents = new Map();
    this.contacts = new Map();
    this.byAgent = new Map();
    this.byQueue = new Map();
    this.queueInfo = new Map(queues.map((q) => [q.queueId, q]));
    for (const q of queues) this.byQueue.set(q.queueId, []);

    for (const a of agents) {
      this.agents.set(a.agentId, rowOf(a));
      const w = a.workload;
      for (const d of w.offers) this.put(fromDetail(d, 'ringing'));
      for (const d of w.active) this.put(fromDetail(d, 'active'));
      for (const d of w.wrapUps) this.put(fromDetail(d, 'wrapUp'));
      for (const d of w.personalQueue)
        this.put(fromDetail({ ...d, personalAgentId: a.agentId }, 'waiting'));
    }
    for (const [queueId, list] of queueContacts) this.replaceQueueOrder(queueId, list);

    this.orderDirty = true;
    for (const id of this.agents.keys()) this.dirtyAgents.add(id);
    for (const id of this.byQueue.keys()) this.dirtyQueues.add(id);
    this.snapshot = { ...this.snapshot, loaded: true };
    this.request();
  }

  /** Sets a queue's order to the server's, keeping contacts that arrived since. */
  replaceQueueOrder(queueId: string, list: ContactDetail[]): void {
    const known = this.byQueue.get(queueId) ?? [];
    for (const d of list) {
      const before = this.contacts.get(d.contactId);
      // An event newer than the read may already have taken it elsewhere.
      if (before && sharedQueueOf(before) !== queueId && before.status !== 'new') continue;
      this.put(
        { ...fromDetail(d, 'waiting'), ...(before ? { expiresAt: before.expiresAt } : {}) },
        false,
      );
    }
    const listed = new Set(list.map((d) => d.contactId));
    const order = list.map((d) => d.contactId).filter((id) => this.inQueue(id, queueId));
    this.byQueue.set(queueId, order);
    for (const id of known)
      if (!listed.has(id) && this.inQueue(id, queueId)) this.insertSorted(queueId, id);
    this.dirtyQueues.add(queueId);
    this.request();
  }

  /** Moves a contact within its queue's list ahead of the server's answer. */
  moveWithinQueue(queueId: string, contactId: string, toIndex: number): void {
    const order = this.byQueue.get(queueId);
    const from = order?.indexOf(contactId) ?? -1;
    if (!order || from < 0) return;
    order.splice(from, 1);
    order.splice(Math.max(0, Math.min(toIndex, order.length)), 0, contactId);
    this.dirtyQueues.add(queueId);
    this.request();
  }

  apply(event: DomainEvent): void {
    this.seq = Math.max(this.seq, event.seq);
    if (event.type === 'agent.state') {
      const row = this.agents.get(event.agentId) ?? newRow(event.agentId);
      if (!this.agents.has(event.agentId)) this.orderDirty = true;
      this.agents.set(event.agentId, {
        ...row,
        state: event.state,
        stateSince: event.at,
        reason: event.reason,
      });
      this.dirtyAgents.add(event.agentId);
      this.request();
      return;
    }

    const current = this.contacts.get(event.contactId);
    const change = contactChange(event, current);
    if (change.kind === 'none') return;
    if (change.kind === 'remove') this.remove(event.contactId);
    else this.put(change.contact, change.reordered);
    if (change.kind === 'set' && (change.reordered || event.type === 'contact.queued')) {
      const queueId = sharedQueueOf(change.contact);
      if (queueId) this.options.onQueueStale?.(queueId);
    }
    this.request();
  }

  contact(contactId: string): LiveContact | undefined {
    return this.contacts.get(contactId);
  }

  /** Runs the pending flush now; the scheduler calls it, and so may tests. */
  flush = (): void => {
    this.pending = false;
    if (!this.orderDirty && this.dirtyAgents.size === 0 && this.dirtyQueues.size === 0) return;
    const previous = this.snapshot;

    if (this.orderDirty) {
      this.agentOrder = [...this.agents.values()]
        .sort((a, b) => a.name.localeCompare(b.name) || a.agentId.localeCompare(b.agentId))
        .map((a) => a.agentId);
    }
    const agentById = new Map(previous.agentById);
    for (const id of this.dirtyAgents) {
      const agent = this.agents.get(id);
      if (!agent) agentById.delete(id);
      else agentById.set(id, { agent, workload: this.workloadOf(id) });
    }
    const agents =
      this.orderDirty || this.dirtyAgents.size > 0
        ? this.agentOrder
            .map((id) => agentById.get(id))
            .filter((m): m is AgentCardModel => m !== undefined)
        : previous.agents;

    const queueById = new Map(previous.queues.map((q) => [q.queueId, q]));
    for (const id of this.dirtyQueues) queueById.set(id, this.queueModel(id));
    const queues = [...queueById.values()].sort((a, b) => a.queueId.localeCompare(b.queueId));

    this.dirtyAgents.clear();
    this.dirtyQueues.clear();
    this.orderDirty = false;
    this.snapshot = {
      version: previous.version + 1,
      loaded: previous.loaded,
      seq: this.seq,
      agents,
      agentById,
      queues,
      agentsByState: countStates(this.agents.values()),
      waiting: queues.reduce((n, q) => n + q.contacts.length, 0),
    };
    for (const listener of this.listeners) listener();
  };

  private request(): void {
    if (this.pending) return;
    this.pending = true;
    this.options.schedule(this.flush);
  }

  private inQueue(contactId: string, queueId: string): boolean {
    const c = this.contacts.get(contactId);
    return c !== undefined && sharedQueueOf(c) === queueId;
  }

  /** Stores a contact and moves it between workload and queue indexes. */
  private put(next: LiveContact, reordered = false): void {
    const before = this.contacts.get(next.contactId);
    this.contacts.set(next.contactId, next);
    this.reindex(before, next, reordered);
  }

  private remove(contactId: string): void {
    const before = this.contacts.get(contactId);
    this.contacts.delete(contactId);
    this.reindex(before, undefined, false);
  }

  private reindex(
    before: LiveContact | undefined,
    next: LiveContact | undefined,
    reordered: boolean,
  ): void {
    const id = (before ?? next)!.contactId;
    const oldHolder = before ? holderOf(before) : null;
    const newHolder = next ? holderOf(next) : null;
    if (oldHolder !== newHolder && oldHolder) this.byAgent.get(oldHolder)?.delete(id);
    if (newHolder) {
      const set = this.byAgent.get(newHolder) ?? new Set<string>();
      set.add(id);
      this.byAgent.set(newHolder, set);
    }
    if (oldHolder) this.dirtyAgents.add(oldHolder);
    if (newHolder) this.dirtyAgents.add(newHolder);

    const oldQueue = before ? sharedQueueOf(before) : null;
    const newQueue = next ? sharedQueueOf(next) : null;
    const resort = reordered || before?.priority !== next?.priority;
    if (oldQueue && (oldQueue !== newQueue || resort)) this.removeFromQueue(oldQueue, id);
    if (newQueue && (oldQueue !== newQueue || resort)) this.insertSorted(newQueue, id);
    if (oldQueue) this.dirtyQueues.add(oldQueue);
    if (newQueue) this.dirtyQueues.add(newQueue);
  }

  private removeFromQueue(queueId: string, contactId: string): void {
    const order = this.byQueue.get(queueId);
    const at = order?.indexOf(contactId) ?? -1;
    if (order && at >= 0) order.splice(at, 1);
  }

  /** Binary search on serving order; ties go behind the contacts already there. */
  private insertSorted(queueId: string, contactId: string): void {
    const order = this.byQueue.get(queueId) ?? [];
    this.byQueue.set(queueId, order);
    const c = this.contacts.get(contactId)!;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comesBefore(c, this.contacts.get(order[mid]!)!)) hi = mid;
      else lo = mid + 1;
    }
    order.splice(lo, 0, contactId);
  }

  private workloadOf(agentId: string): readonly LiveContact[] {
    const ids = this.byAgent.get(agentId);
    if (!ids || ids.size === 0) return noContacts;
    return [...ids].map((id) => this.contacts.get(id)!).sort((a, b) => a.queuedAt - b.queuedAt);
  }

  private queueModel(queueId: string): QueueModel {
    const info = this.queueInfo.get(queueId);
    return {
      queueId,
      name: info?.name ?? null,
      contacts: (this.byQueue.get(queueId) ?? []).map((id) => this.contacts.get(id)!),
    };
  }
}

const noContacts: readonly LiveContact[] = [];
