/**
 * Fixtures for the statistics tests: contact records built from a queue
 * entry time and a few durations, and the domain events that carry them.
 * Every record is validated against the real schema so a fixture cannot
 * drift from what the engine writes.
 */
import type { AgentState, DomainEvent, EventOf } from '../events.js';
import { ContactRecord, newContactRecord } from '../records.js';

/** Monday 15 January 2024, 00:00 UTC: the day every test happens on. */
export const testDay = Date.UTC(2024, 0, 15);

/** A time of the test day, "09:14:50" or "09:15:00.000", as epoch ms. */
export function at(clock: string): number {
  const match = /^(\d\d):(\d\d):(\d\d)(?:\.(\d{3}))?$/.exec(clock);
  if (!match) throw new Error(`not a hh:mm:ss[.mmm] time: ${clock}`);
  const [, h, m, s, ms] = match;
  return testDay + ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms ?? 0);
}

let nextId = 1;

/** A contact queued at `queuedAt` (default 09:00) that nothing happened to. */
export function contactRecord(overrides: Partial<ContactRecord> = {}): ContactRecord {
  const queuedAt = overrides.queuedAt ?? at('09:00:00');
  return ContactRecord.parse(
    newContactRecord({
      id: `c${nextId++}`,
      channel: 'voice',
      firstQueueId: 'sales',
      queuedAt,
      ...overrides,
    }),
  );
}

export interface AnsweredSpec {
  queuedAt?: number;
  waitMs: number;
  /** Conversation time without hold. */
  talkMs?: number;
  holdMs?: number;
  wrapUpMs?: number;
  agentId?: string;
  queueId?: string;
}

/** Answered after `waitMs`, talked, held and wrapped up; completed. */
export function answered(spec: AnsweredSpec): ContactRecord {
  const queuedAt = spec.queuedAt ?? at('09:00:00');
  const answeredAt = queuedAt + spec.waitMs;
  const holdMs = spec.holdMs ?? 0;
  const endedAt = answeredAt + (spec.talkMs ?? 0) + holdMs;
  const agentId = spec.agentId ?? 'ann';
  const queueId = spec.queueId ?? 'sales';
  return contactRecord({
    firstQueueId: queueId,
    queueId,
    queuedAt,
    createdAt: queuedAt,
    offers: [
      {
        offerId: `o${nextId}`,
        agentId,
        queueId,
        offeredAt: answeredAt,
        endedAt: answeredAt,
        outcome: 'accepted',
      },
    ],
    answeredAt,
    agentId,
    holdMs,
    endedAt,
    wrapUpEndedAt: endedAt + (spec.wrapUpMs ?? 0),
    outcome: 'completed',
  });
}

export interface LeftQueueSpec {
  queuedAt?: number;
  waitMs: number;
  queueId?: string;
}

/** The customer hung up after `waitMs` in the queue. */
export function abandoned(spec: LeftQueueSpec): ContactRecord {
  const queuedAt = spec.queuedAt ?? at('09:00:00');
  const queueId = spec.queueId ?? 'sales';
  return contactRecord({
    firstQueueId: queueId,
    queueId,
    queuedAt,
    createdAt: queuedAt,
    abandonedAt: queuedAt + spec.waitMs,
    outcome: 'abandoned',
  });
}

/** The customer asked to be called back after `waitMs` in the queue. */
export function callback(spec: LeftQueueSpec): ContactRecord {
  const queuedAt = spec.queuedAt ?? at('09:00:00');
  const queueId = spec.queueId ?? 'sales';
  return contactRecord({
    firstQueueId: queueId,
    queueId,
    queuedAt,
    createdAt: queuedAt,
    callbackRequestedAt: queuedAt + spec.waitMs,
  });
}

let seq = 0;

export function closedEvent(record: ContactRecord): EventOf<'contact.closed'> {
  const closedAt = record.wrapUpEndedAt ?? record.abandonedAt ?? record.queuedAt;
  return { type: 'contact.closed', seq: seq++, at: closedAt, contactId: record.id, record };
}

export function agentStateEvent(
  agentId: string,
  state: AgentState,
  time: number,
  previous: AgentState = 'loggedOut',
): EventOf<'agent.state'> {
  return { type: 'agent.state', seq: seq++, at: time, agentId, state, previous, reason: null };
}

/**
 * An agent's day as state events: each step is a state and how long the
 * agent stayed in it; the agent logs out at the end.
 */
export function agentDay(
  agentId: string,
  start: number,
  steps: readonly [AgentState, number][],
): EventOf<'agent.state'>[] {
  const events: EventOf<'agent.state'>[] = [];
  let time = start;
  let previous: AgentState = 'loggedOut';
  for (const [state, ms] of steps) {
    events.push(agentStateEvent(agentId, state, time, previous));
    previous = state;
    time += ms;
  }
  events.push(agentStateEvent(agentId, 'loggedOut', time, previous));
  return events;
}

/** A contact event with the fields every one of them has. */
export function contactEvent<T extends DomainEvent['type']>(
  type: T,
  contactId: string,
  time: number,
  fields: Omit<EventOf<T>, 'type' | 'seq' | 'at' | 'contactId'>,
): EventOf<T> {
  // TypeScript cannot see that the spread of a generic Omit rebuilds EventOf<T>.
  return { type, seq: seq++, at: time, contactId, ...fields } as EventOf<T>;
}

/** A fraction as a percentage rounded to one decimal, as reports print it. */
export function percent(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 1000) / 10;
}

/** Reads RFC 4180 CSV back into rows of cells, to check what was written. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
