/**
 * A center set up for timing single routing decisions: one queue that all
 * agents serve, on a virtual clock that never moves (so no timer fires
 * between decisions), with the moves that bring it to a given state. Only
 * the decision itself is timed; the moves around it are not.
 */
import type { InspectionEvent } from 'xstate';
import { ContactCenter, type ContactRequest } from '../../engine/index.js';
import { VirtualClock } from '../../sim/index.js';

const request: ContactRequest = { channel: 'voice', queueId: 'q' };

export class RoutingCenter {
  readonly center: ContactCenter;
  readonly agentIds: string[];
  /** Each busy agent's connected contact. */
  private readonly handling = new Map<string, string>();
  private waiting = 0;

  constructor(agents: number, seed: number, inspect?: (event: InspectionEvent) => void) {
    this.agentIds = Array.from({ length: agents }, (_, i) => `a${i + 1}`);
    this.center = new ContactCenter({
      config: {
        skills: ['general'],
        // No wrap-up: an agent who ends a contact is free in the same step.
        queues: [{ id: 'q', skills: [{ skill: 'general' }], wrapUpSec: 0 }],
        agents: this.agentIds.map((id) => ({ id, name: id, skills: { general: 3 } })),
      },
      clock: new VirtualClock(Date.UTC(2026, 0, 5, 9)),
      seed,
      ...(inspect ? { inspect } : {}),
    });
  }

  get waitingCount(): number {
    return this.waiting;
  }

  readyAll(): void {
    for (const id of this.agentIds) {
      this.center.login(id);
      this.center.ready(id);
    }
  }

  /** Gives every agent a connected contact: nobody is free after this. */
  occupyAll(): void {
    for (let i = 0; i < this.agentIds.length; i++) {
      const outcome = this.center.createContact(request);
      if (outcome.kind !== 'offered') throw new Error(`occupy: contact was ${outcome.kind}`);
      this.center.accept(outcome.agentId, outcome.contactId);
      this.handling.set(outcome.agentId, outcome.contactId);
    }
  }

  /** Adds contacts until `n` wait; every agent must be busy. */
  fillWaiting(n: number): void {
    while (this.waiting < n) this.addWaiting();
  }

  /**
   * Agents side: a contact arrives and is offered to the best free agent.
   * Returns the milliseconds that took. The agent then takes and ends it,
   * untimed, so the center is as it was.
   */
  timeArrival(): number {
    const started = performance.now();
    const outcome = this.center.createContact(request);
    const ms = performance.now() - started;

    if (outcome.kind !== 'offered') throw new Error(`arrival: contact was ${outcome.kind}`);
    this.center.accept(outcome.agentId, outcome.contactId);
    this.center.end(outcome.agentId, outcome.contactId);
    return ms;
  }

  /**
   * Contacts side: a busy agent ends its contact, frees up, and is offered
   * the best waiting contact. Returns the milliseconds that took. The agent
   * then accepts, and a new contact joins the queue, both untimed, so as
   * many wait as before.
   */
  timeRelease(agentId: string): number {
    const contactId = this.handling.get(agentId);
    if (contactId === undefined) throw new Error(`release: agent ${agentId} is not busy`);

    const started = performance.now();
    this.center.end(agentId, contactId);
    const ms = performance.now() - started;

    const offered = this.center.agentStatus(agentId).offers[0];
    if (offered === undefined) throw new Error(`release: ${agentId} was offered nothing`);
    this.center.accept(agentId, offered);
    this.handling.set(agentId, offered);
    this.waiting -= 1;
    this.addWaiting();
    return ms;
  }

  private addWaiting(): void {
    const outcome = this.center.createContact(request);
    if (outcome.kind !== 'queued') throw new Error(`waiting: contact was ${outcome.kind}`);
    this.waiting += 1;
  }
}
