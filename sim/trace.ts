/**
 * The replay trace: what happened in a contact center, one event per line,
 * for the simulator to replay through the routing engine.
 *
 * A trace is JSON Lines (UTF-8, one JSON object per line, blank lines
 * ignored). The first line is the header; every later line is an event.
 *
 *     {"type":"trace.header","version":1,"start":"1999-08-01T00:00:00+03:00",
 *      "timeZone":"Asia/Jerusalem","source":"...","queues":["PS","NW"]}
 *     {"type":"agent.login","t":25200,"agent":"AVI","queues":["PS","NW"]}
 *     {"type":"agent.ready","t":25200,"agent":"AVI"}
 *     {"type":"contact.arrive","t":25260,"id":"c1","queue":"PS",
 *      "priority":2,"channel":"voice","handleSeconds":95,
 *      "patienceSeconds":null}
 *
 * `t` is seconds since the header's `start`, never negative and never
 * smaller than the line before's, so a trace replays in file order. All
 * durations are seconds. Ids are plain strings; the replay brands them.
 *
 * Events (every one also has `type` and `t`):
 * - `contact.arrive` {id, queue, priority = 0 (larger is more urgent),
 *   channel = 'voice', handleSeconds (talk time once answered),
 *   patienceSeconds (how long the caller waits before hanging up; null or
 *   absent: never), callback?, customerId?, preferredAgent?}
 * - `contact.hangup` {contact}: the caller leaves now, whatever its patience
 * - `agent.login` {agent, queues}: the agent serves these queues, not ready
 * - `agent.ready` {agent}, `agent.not_ready` {agent, reason},
 *   `agent.logout` {agent}
 * - `agent.accept` / `agent.decline` {agent, contact}: an explicit answer to
 *   an offer; without them the replay answers offers itself
 * - `supervisor.move` {contact, position (1 is the head of the queue)},
 *   `supervisor.priority` {contact, priority},
 *   `supervisor.assign` {contact, agent},
 *   `supervisor.transfer_queue` {contact, queue}
 *
 * Beyond each line's schema a trace must: start with its header; keep `t`
 * non-decreasing; name only queues listed in the header; give each contact
 * a unique id; refer only to contacts that have already arrived. Agents are
 * not checked: the center's configuration may declare them.
 * Unknown fields are rejected, so a misspelt field cannot silently default.
 * See sim/TRACE.md for the same in prose.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { Channel } from '../engine/index.js';

const Id = z.string().min(1);
const Seconds = z.number().nonnegative();

/** The engine's channels. */
export const TraceChannel = Channel;

export const TraceHeader = z.strictObject({
  type: z.literal('trace.header'),
  version: z.literal(1).default(1),
  /** The wall-clock instant `t = 0` stands for, with its UTC offset. */
  start: z.iso.datetime({ offset: true }),
  /** IANA zone of the center, for showing local times. */
  timeZone: z.string().refine(isTimeZone, 'not an IANA time zone').optional(),
  /** Where the trace came from, free text. */
  source: z.string().optional(),
  queues: z
    .array(Id)
    .min(1)
    .refine((qs) => new Set(qs).size === qs.length, 'queue listed twice'),
});
export type TraceHeader = z.output<typeof TraceHeader>;

const onContact = { contact: Id };
const onAgent = { agent: Id };

function event<T extends string, S extends z.ZodRawShape>(
  type: T,
  shape: S,
) {
  return z.strictObject({ type: z.literal(type), t: Seconds, ...shape });
}

export const TraceEvent = z.discriminatedUnion('type', [
  event('contact.arrive', {
    id: Id,
    queue: Id,
    priority: z.int().default(0),
    channel: TraceChannel.default('voice'),
    handleSeconds: Seconds,
    patienceSeconds: Seconds.nullable().default(null),
    callback: z.boolean().optional(),
    customerId: Id.optional(),
    preferredAgent: Id.optional(),
  }),
  event('contact.hangup', onContact),
  event('agent.login', { ...onAgent, queues: z.array(Id).min(1) }),
  event('agent.ready', onAgent),
  event('agent.not_ready', { ...onAgent, reason: z.string().min(1) }),
  event('agent.logout', onAgent),
  event('agent.accept', { ...onAgent, ...onContact }),
  event('agent.decline', { ...onAgent, ...onContact }),
  event('supervisor.move', { ...onContact, position: z.int().min(1) }),
  event('supervisor.priority', { ...onContact, priority: z.int() }),
  event('supervisor.assign', { ...onContact, ...onAgent }),
  event('supervisor.transfer_queue', { ...onContact, queue: Id }),
]);
export type TraceEvent = z.output<typeof TraceEvent>;
export type TraceEventType = TraceEvent['type'];

export interface Trace {
  header: TraceHeader;
  /** In file order, hence by non-decreasing `t`. */
  events: TraceEvent[];
}

export type TraceErrorCode =
  | 'invalid_json'
  | 'invalid_line'
  | 'missing_header'
  | 'time_backwards'
  | 'unknown_queue'
  | 'unknown_contact'
  | 'duplicate_contact';

/** A trace that breaks the format; the message is one line. */
export class TraceError extends Error {
  override readonly name = 'TraceError';
  readonly code: TraceErrorCode;
  /** 1-based line of the trace text (the header is line 1). */
  readonly line: number;
  /** Dotted path of the offending field, '' for the whole line. */
  readonly path: string;

  constructor(
    code: TraceErrorCode,
    line: number,
    path: string,
    detail: string,
  ) {
    const where = path === '' ? '' : `${path}: `;
    super(`trace line ${line}: ${where}${oneLine(detail)} (${code})`);
    this.code = code;
    this.line = line;
    this.path = path;
  }
}

/** Parses and checks a whole trace; throws a TraceError at the first fault. */
export function parseTrace(text: string): Trace {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const reader = new TraceReader();

  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    reader.accept(parseJson(line, i + 1), i + 1);
  });

  return reader.finish(lines.length);
}

/**
 * Writes a trace as JSON Lines, ending in a newline. The trace is checked
 * first, so this never writes what `parseTrace` would refuse.
 */
export function serializeTrace(trace: Trace): string {
  const reader = new TraceReader();
  const values: unknown[] = [trace.header, ...trace.events];

  values.forEach((value, i) => reader.accept(value, i + 1));
  const checked = reader.finish(values.length);

  const lines = [checked.header, ...checked.events].map((v) =>
    JSON.stringify(v),
  );
  return `${lines.join('\n')}\n`;
}

/** Reads a trace file; a name ending in `.gz` is gunzipped first. */
export async function readTraceFile(path: string): Promise<Trace> {
  const bytes = await readFile(path);
  const raw = path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  return parseTrace(raw.toString('utf8'));
}

/** Checks lines in order, carrying what later lines are checked against. */
class TraceReader {
  private header: TraceHeader | undefined;
  private readonly events: TraceEvent[] = [];
  private readonly contacts = new Set<string>();
  private lastT = 0;

  accept(value: unknown, line: number): void {
    if (this.header === undefined) {
      this.header = this.readHeader(value, line);
      return;
    }

    const parsed = TraceEvent.safeParse(value);
    if (!parsed.success) throw issueError(parsed.error, line);
    const ev = parsed.data;

    if (ev.t < this.lastT) {
      const detail = `${ev.t} is before the previous line's ${this.lastT}`;
      throw new TraceError('time_backwards', line, 't', detail);
    }
    this.checkReferences(ev, line);

    this.lastT = ev.t;
    this.events.push(ev);
  }

  finish(lineCount: number): Trace {
    if (this.header === undefined) {
      const line = Math.max(lineCount, 1);
      throw new TraceError('missing_header', line, '', 'no header line');
    }
    return { header: this.header, events: this.events };
  }

  private readHeader(value: unknown, line: number): TraceHeader {
    const type = isRecord(value) ? value['type'] : undefined;
    if (type !== 'trace.header') {
      const detail = `expected trace.header first, got ${JSON.stringify(type)}`;
      throw new TraceError('missing_header', line, 'type', detail);
    }

    const parsed = TraceHeader.safeParse(value);
    if (!parsed.success) throw issueError(parsed.error, line);
    return parsed.data;
  }

  private checkReferences(ev: TraceEvent, line: number): void {
    const queues = this.header?.queues ?? [];
    const knownQueue = (queue: string, path: string) => {
      if (queues.includes(queue)) return;
      const detail = `queue ${JSON.stringify(queue)} is not in the header`;
      throw new TraceError('unknown_queue', line, path, detail);
    };

    switch (ev.type) {
      case 'contact.arrive':
        knownQueue(ev.queue, 'queue');
        if (this.contacts.has(ev.id)) {
          const detail = `contact ${JSON.stringify(ev.id)} already arrived`;
          throw new TraceError('duplicate_contact', line, 'id', detail);
        }
        this.contacts.add(ev.id);
        return;
      case 'agent.login':
        ev.queues.forEach((q, i) => knownQueue(q, `queues[${i}]`));
        return;
      case 'agent.ready':
      case 'agent.not_ready':
      case 'agent.logout':
        return;
      case 'supervisor.transfer_queue':
        knownQueue(ev.queue, 'queue');
        break;
      default:
        break;
    }

    if (!this.contacts.has(ev.contact)) {
      const detail = `contact ${JSON.stringify(ev.contact)} has not arrived`;
      throw new TraceError('unknown_contact', line, 'contact', detail);
    }
  }
}

function parseJson(text: string, line: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const detail = `not valid JSON: ${reason}`;
    throw new TraceError('invalid_json', line, '', detail);
  }
}

/** Names every zod issue; the first issue's path becomes the error's. */
function issueError(error: z.ZodError, line: number): TraceError {
  const [first, ...rest] = error.issues;
  const more = rest.map((i) => {
    const path = issuePath(i);
    return `; ${path === '' ? '' : `${path}: `}${i.message}`;
  });
  const path = first === undefined ? '' : issuePath(first);
  const detail = (first?.message ?? 'invalid') + more.join('');
  return new TraceError('invalid_line', line, path, detail);
}

/** An unknown key is reported at the object; point at the key instead. */
function issuePath(issue: z.core.$ZodIssue): string {
  const extra = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  return formatPath([...issue.path, ...extra]);
}

/** `['queues', 2]` becomes `queues[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
