/**
 * The production engine on a virtual clock, with simulated people around
 * it: customers who hang up (or ask for a callback) when their patience
 * runs out, and agents who accept offers after an answer delay and end
 * contacts after the handle time. Scenarios and trace replays both drive
 * one of these; statistics come from the engine's own aggregator.
 */
import {
  ContactCenter,
  EngineError,
  stats,
  type CenterConfigInput,
  type Channel,
  type ContactRecord,
  type DomainEvent,
  type EventOf,
  type Logger,
  type RouteOutcome,
} from '../engine/index.js';
import type { CalendarHandle } from './calendar.js';
import type { SimulationResult } from './simulation-result.js';
import { VirtualClock } from './virtual-clock.js';

/** One simulated customer, with everything it will do already drawn. */
export interface SimContact {
  id: string;
  queueId: string;
  channel: Channel;
  /** Absent: the queue's priority. */
  priority?: number;
  /** Talk time once answered. */
  handleMs: number;
  /** How long it waits before giving up; Infinity: never. */
  patienceMs: number;
  /** When patience runs out, ask for a callback instead of hanging up. */
  choosesCallback: boolean;
  /** How long the agent takes to accept each offer of this contact. */
  answerDelayMs: number;
  customerId?: string;
  preferredAgentId?: string;
}

export interface SimulationOptions {
  config: CenterConfigInput;
  startMs: number;
  /** The run's seed; the engine's random strategy draws from it too. */
  seed: number;
  intervalMinutes: stats.IntervalMinutes;
  thresholds: stats.StatsThresholds;
  /** Agents who accept only when told to; the others answer themselves. */
  manualAgents?: Iterable<string>;
  /** Rewrites a closed record before statistics see it. */
  recordView?: (record: ContactRecord) => ContactRecord;
}

/** A command the engine refused, e.g. a replayed accept that came too late. */
export interface RejectedCommand {
  at: number;
  command: string;
  code: string;
  message: string;
}

interface Customer {
  contact: SimContact;
  patience: CalendarHandle | null;
  talk: CalendarHandle | null;
}

export class Simulation {
  readonly clock: VirtualClock;
  readonly center: ContactCenter;
  readonly aggregator: stats.IntervalAggregator;
  private readonly options: SimulationOptions;
  private readonly manual: Set<string>;
  private readonly customers = new Map<string, Customer>();
  /** Pending automatic accepts, by offer id. */
  private readonly ringing = new Map<string, CalendarHandle>();
  private readonly records: ContactRecord[] = [];
  private readonly rejected: RejectedCommand[] = [];
  private readonly failures: string[] = [];
  private arrivals = 0;

  constructor(options: SimulationOptions) {
    this.options = options;
    this.manual = new Set(options.manualAgents ?? []);
    this.clock = new VirtualClock(options.startMs);
    this.center = new ContactCenter({
      config: options.config,
      clock: this.clock,
      seed: options.seed,
      logger: this.failureLogger(),
    });
    this.aggregator = new stats.IntervalAggregator({
      intervalMinutes: options.intervalMinutes,
      thresholds: options.thresholds,
    });
    this.center.subscribe((event) => this.onEvent(event));
  }

  /** Runs `fn` at `timeMs` of virtual time. */
  at(timeMs: number, fn: () => void): CalendarHandle {
    return this.clock.at(timeMs, fn);
  }

  /** A customer arrives now. */
  arrive(contact: SimContact): RouteOutcome {
    this.arrivals += 1;
    const customer: Customer = { contact, patience: null, talk: null };
    this.customers.set(contact.id, customer);
    if (Number.isFinite(contact.patienceMs)) {
      customer.patience = this.clock.setTimeout(() => this.lostPatience(customer), contact.patienceMs);
    }

    const outcome = this.center.createContact({
      channel: contact.channel,
      queueId: contact.queueId,
      id: contact.id,
      ...(contact.priority !== undefined ? { priority: contact.priority } : {}),
      ...(contact.customerId !== undefined ? { customerId: contact.customerId } : {}),
      ...(contact.preferredAgentId !== undefined ? { preferredAgentId: contact.preferredAgentId } : {}),
    });
    if (outcome.kind === 'rejected') this.forget(contact.id);
    return outcome;
  }

  /**
   * Makes an agent available: logs it in if needed, and asks for ready,
   * which also cancels a logout still pending behind its work.
   */
  bringIn(agentId: string): void {
    if (this.center.agentStatus(agentId).presence === 'loggedOut') this.center.login(agentId);
    this.center.ready(agentId);
  }

  /** Logs an agent out; one with work leaves when the work is done. */
  sendHome(agentId: string): void {
    this.center.logout(agentId);
  }

  /**
   * The customer leaves now, whatever its patience: a waiting contact is
   * abandoned, a connected one ends (the agent goes to wrap-up).
   */
  hangUp(contactId: string): void {
    const view = this.center.contact(contactId);
    if (view?.state === 'connected' && view.agentId !== null) {
      const customer = this.customers.get(contactId);
      if (customer?.talk) this.clock.cancel(customer.talk);
      this.center.end(view.agentId, contactId);
      return;
    }
    this.center.abandon(contactId);
  }

  /**
   * Runs an explicit command (a replayed accept, a supervisor's move);
   * if the engine refuses it, the refusal is kept and the run goes on.
   */
  command(name: string, fn: () => void): void {
    try {
      fn();
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      this.rejected.push({ at: this.clock.now(), command: name, code: err.code, message: err.message });
    }
  }

  /**
   * Runs every remaining event, hangs up whoever is still waiting with no
   * agent left to serve them (so every offered contact is counted), and
   * gives the result.
   */
  finish(horizonMs: number): SimulationResult {
    if (this.clock.now() < horizonMs) this.clock.runUntil(horizonMs);
    this.clock.runAll();
    let leftAtEnd = 0;
    for (const view of [...this.center.liveContacts()]) {
      if (view.state === 'queued' || view.state === 'offered') {
        this.center.abandon(view.id);
        leftAtEnd += 1;
      }
    }
    this.clock.runAll();
    this.checkFailures();
    this.aggregator.settle(this.clock.now());

    return {
      seed: this.options.seed,
      startMs: this.options.startMs,
      horizonMs,
      finishedMs: this.clock.now(),
      intervalMinutes: this.options.intervalMinutes,
      thresholds: this.options.thresholds,
      arrivals: this.arrivals,
      leftAtEnd,
      contacts: this.records,
      rows: this.aggregator.rows(),
      rejected: this.rejected,
    };
  }

  private onEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'contact.offered':
        this.onOffered(event);
        break;
      case 'contact.offer_ended':
        if (event.outcome !== 'accepted') this.cancelAccept(event.offerId);
        break;
      case 'contact.connected':
        this.onConnected(event);
        break;
      case 'contact.closed':
        this.onClosed(event);
        return;
      default:
        break;
    }
    this.aggregator.consume(event);
  }

  private onOffered(event: EventOf<'contact.offered'>): void {
    if (this.manual.has(event.agentId)) return;
    const customer = this.customers.get(event.contactId);
    const delay = customer?.contact.answerDelayMs ?? 0;
    // Deferred even at zero delay: the engine is mid-step while it publishes.
    const handle = this.clock.setTimeout(() => {
      this.ringing.delete(event.offerId);
      this.center.accept(event.agentId, event.contactId);
    }, delay);
    this.ringing.set(event.offerId, handle);
  }

  private cancelAccept(offerId: string): void {
    const handle = this.ringing.get(offerId);
    if (handle === undefined) return;
    this.clock.cancel(handle);
    this.ringing.delete(offerId);
  }

  private onConnected(event: EventOf<'contact.connected'>): void {
    const customer = this.customers.get(event.contactId);
    if (!customer) return;
    if (customer.patience) this.clock.cancel(customer.patience);
    customer.patience = null;
    customer.talk = this.clock.setTimeout(() => {
      customer.talk = null;
      this.center.end(event.agentId, event.contactId);
    }, customer.contact.handleMs);
  }

  private onClosed(event: EventOf<'contact.closed'>): void {
    const record = this.options.recordView?.(event.record) ?? event.record;
    this.records.push(record);
    this.aggregator.consume(record === event.record ? event : { ...event, record });
    this.forget(event.contactId);
  }

  private lostPatience(customer: Customer): void {
    customer.patience = null;
    const { id, choosesCallback } = customer.contact;
    const state = this.center.contact(id)?.state;
    if (state !== 'queued' && state !== 'offered') return;
    if (choosesCallback) this.center.requestCallback(id);
    else this.center.abandon(id);
  }

  private forget(contactId: string): void {
    const customer = this.customers.get(contactId);
    if (customer?.patience) this.clock.cancel(customer.patience);
    if (customer?.talk) this.clock.cancel(customer.talk);
    this.customers.delete(contactId);
  }

  /** The bus swallows a listener's exception; this logger keeps it. */
  private failureLogger(): Logger {
    const ignore = () => {};
    return {
      debug: ignore,
      info: ignore,
      warn: ignore,
      error: (fields, message) => {
        const err = (fields as { err?: unknown }).err;
        this.failures.push(`${message}: ${err instanceof Error ? err.message : String(err)}`);
      },
    };
  }

  private checkFailures(): void {
    if (this.failures.length > 0) {
      throw new Error(`simulation failed: ${this.failures[0]} (${this.failures.length} failures)`);
    }
  }
}
