/**
 * A contact as the supervisor's dashboard tracks it between HTTP loads:
 * enough to draw a workload icon or a queue row, kept up to date from
 * domain events. Objects are never mutated, so React can compare them by
 * identity.
 */
import type { Channel, ContactDetail, Customer } from '../api/types';

/** What the contact is doing; decides its icon and where it is listed. */
export type WorkStatus = 'new' | 'waiting' | 'ringing' | 'active' | 'held' | 'wrapUp';

export interface LiveContact {
  readonly contactId: string;
  /** Null while only events that do not name it have been seen. */
  readonly channel: Channel | null;
  readonly queueId: string;
  readonly priority: number;
  readonly status: WorkStatus;
  /** The agent it rings for. */
  readonly offeredTo: string | null;
  /** The agent connected to it or wrapping it up. */
  readonly agentId: string | null;
  /** The agent whose personal queue holds it. */
  readonly personalAgentId: string | null;
  readonly customerId: string | null;
  readonly customer: Customer | null;
  readonly topic: string | null;
  readonly createdAt: number;
  readonly queuedAt: number;
  readonly callbackRequested: boolean;
  /** When the current offer stops ringing. */
  readonly expiresAt: number | null;
  readonly wrapUpUntil: number | null;
}

/** The agent whose workload shows the contact, or null. */
export function holderOf(c: LiveContact): string | null {
  switch (c.status) {
    case 'ringing':
      return c.offeredTo;
    case 'active':
    case 'held':
    case 'wrapUp':
      return c.agentId;
    case 'waiting':
      return c.personalAgentId;
    case 'new':
      return null;
  }
}

/** The shared queue whose list shows the contact, or null. */
export function sharedQueueOf(c: LiveContact): string | null {
  return c.status === 'waiting' && c.personalAgentId === null ? c.queueId : null;
}

/** Serving order within a queue: higher priority first, then longest waiting. */
export function comesBefore(a: LiveContact, b: LiveContact): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return a.queuedAt < b.queuedAt;
}

/** A contact read over HTTP, with what it is doing for whom. */
export function fromDetail(d: ContactDetail, status: WorkStatus): LiveContact {
  return {
    contactId: d.contactId,
    channel: d.channel,
    queueId: d.queueId,
    priority: d.priority,
    status,
    offeredTo: d.offeredTo,
    agentId: d.agentId,
    personalAgentId: d.personalAgentId,
    customerId: d.customerId,
    customer: d.customer,
    topic: d.topic,
    createdAt: d.createdAt,
    queuedAt: d.queuedAt,
    callbackRequested: d.callbackRequested,
    expiresAt: null,
    wrapUpUntil: null,
  };
}

/** A contact first seen in an event, before any HTTP read. */
export function unseenContact(contactId: string, queueId: string, at: number): LiveContact {
  return {
    contactId,
    channel: null,
    queueId,
    priority: 0,
    status: 'new',
    offeredTo: null,
    agentId: null,
    personalAgentId: null,
    customerId: null,
    customer: null,
    topic: null,
    createdAt: at,
    queuedAt: at,
    callbackRequested: false,
    expiresAt: null,
    wrapUpUntil: null,
  };
}
