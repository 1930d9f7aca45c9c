/**
 * Importer for the Technion SEE Lab "Anonymous Bank" call records
 * (Guedj & Mandelbaum; shared/data/technion-anonymous-bank/SOURCE.md):
 * reads the 17-column CSV, turns calls into a replay trace, and computes
 * the hourly figures the records themselves show, to compare a replay with.
 *
 * Which calls are offered (classifyCall; trace and statistics share it):
 * - PHANTOM records are not calls; dropped.
 * - q_start set: the call queued. It arrives at q_start. AGENT: answered
 *   after q_time. HANG: abandoned after q_time, so patience = q_time (0 is
 *   kept: it left the instant it queued). Service fields recorded on a few
 *   HANG records are ignored; the outcome decides.
 * - q_start 0:00:00 and HANG: the caller left in the VRU; never offered.
 * - q_start 0:00:00 and AGENT: an agent was free, so the call skipped the
 *   queue (a system bug also left these without customer id, priority 0).
 *   By default it arrives at ser_start (vru_exit if that is missing) and
 *   counts as offered and answered with a 0 s wait, which is what the
 *   caller lived; `includeUnqueued: false` drops it, giving queue-only
 *   figures (on 1 Aug: 1,971 offered instead of 2,239).
 *
 * Fields: id `YYYYMMDD-<vru+line>-<call_id>` (call_id alone repeats);
 * queue = the type code kept as is; priority as recorded (0, 1, 2; the
 * bank ranked 0 like 1 and gave 2 a 90 s head start, a policy the center
 * config has to restate); TT calls (the bank calling back) get
 * `callback: true`; customer id 0 (unidentified) is omitted. Served calls
 * keep ser_time as handleSeconds, even 0. An abandoned call has no talk
 * time, yet a replay may answer it sooner than the caller gave up: it
 * gets the mean handle time of its queue's answered calls, rounded.
 *
 * Agents: a server is logged in (and ready) for every interval
 * (`intervalMinutes`, default 30, aligned on midnight) in which one of its
 * services was in progress; a run of such intervals is one session, from
 * login at its first interval's start to logout at its last one's end.
 * Every agent serves every queue by default. The data says otherwise: the
 * Z1/Z2 servers and YIFAT took almost only IN (internet, a separate room),
 * ELI mostly NE; `agentQueues: 'observed'` limits each agent to the types
 * it served. Served calls recorded with NO_SERVER count as offered but
 * place no agent.
 *
 * Times: H:MM:SS after the midnight of `date`; a time more than 12 h before
 * vru_entry happened after the next midnight and gets 24 h added. Small
 * inversions (negative vru_time, ser_start before q_exit) are
 * clock noise and are kept; only q_time and ser_time are used as durations.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import type { Trace, TraceEvent } from './trace.js';

export const technionColumns = [
  'vru+line', 'call_id', 'customer_id', 'priority', 'type', 'date',
  'vru_entry', 'vru_exit', 'vru_time', 'q_start', 'q_exit', 'q_time',
  'outcome', 'ser_start', 'ser_exit', 'ser_time', 'server',
] as const;

/** What the type codes stand for, after the Technion documentation. */
export const technionServiceTypes: Readonly<Record<string, string>> = {
  PS: 'regular banking activity',
  PE: 'regular activity, in English',
  IN: 'internet (web site) support',
  NE: 'stock exchange activity',
  NW: 'prospective customers asking for information',
  TT: 'callbacks: the bank returned a call and put the customer on hold',
};

export const technionOutcomes = ['AGENT', 'HANG', 'PHANTOM'] as const;
export type TechnionOutcome = (typeof technionOutcomes)[number];

/** One CSV row; clock times are seconds after the midnight of `date`. */
export interface TechnionCall {
  /** 1-based line in the file it came from. */
  line: number;
  vruLine: string;
  callId: string;
  /** '0' when the caller was not identified. */
  customerId: string;
  priority: number;
  /** Service type code: PS, PE, IN, NE, NW or TT. */
  type: string;
  /** Day the call entered the VRU, YYYY-MM-DD. */
  date: string;
  vruEntry: number;
  vruExit: number;
  /** As recorded: negative on a few rows. */
  vruTime: number;
  /** Null where the file says 0:00:00: the step did not happen. */
  qStart: number | null;
  qExit: number | null;
  qTime: number;
  outcome: TechnionOutcome;
  serStart: number | null;
  serExit: number | null;
  serTime: number;
  /** Null for NO_SERVER. */
  server: string | null;
}

/** How a call counts, as shared by the trace and the hourly figures. */
export type TechnionOffer =
  | {
      kind: 'answered';
      /** Entry into the queue (or to the agent), seconds after midnight. */
      at: number;
      waitSeconds: number;
      handleSeconds: number;
      queued: boolean;
    }
  | { kind: 'abandoned'; at: number; waitSeconds: number }
  | { kind: 'not_offered'; reason: 'phantom' | 'left_in_vru' | 'unqueued' };

export interface TechnionTraceOptions {
  /** Width of the agent presence intervals. Default 30. */
  intervalMinutes?: number;
  /** Whether calls served without queueing arrive. Default true. */
  includeUnqueued?: boolean;
  /** 'all' (default): each agent serves every queue. */
  agentQueues?: 'all' | 'observed';
  /** Zone of the center's clocks. Default 'Asia/Jerusalem'. */
  timeZone?: string;
}

export interface HourlyStatsOptions {
  /** Default 20; a wait equal to it counts as within. */
  thresholdSeconds?: number;
  includeUnqueued?: boolean;
  timeZone?: string;
}

/** Recorded figures for one hour, by the hour calls entered the queue. */
export interface HourlyStats {
  /** Hours since the first day's midnight: 0–23 for one day. */
  hour: number;
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithinThreshold: number;
  /** Mean wait of answered calls, seconds; null if none. */
  asaSeconds: number | null;
  /** Within threshold / answered; null if none answered. */
  serviceLevelAnswered: number | null;
  /** Within threshold / (answered + abandoned); null if none offered. */
  serviceLevelOffered: number | null;
}

const DAY = 86_400;
const NO_TIME = '0:00:00';

/** Reads a Technion CSV, plain or gzipped (by the `.gz` name). */
export async function readTechnionCsv(path: string): Promise<TechnionCall[]> {
  const bytes = await readFile(path);
  const raw = path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  return parseTechnionCsv(raw.toString('utf8'), path);
}

/** Parses CSV text; throws naming the file, line and column at fault. */
export function parseTechnionCsv(text: string, name = 'csv'): TechnionCall[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  if (header !== technionColumns.join(',')) {
    throw new Error(`${name} line 1: not the Technion columns: ${header}`);
  }

  const calls: TechnionCall[] = [];
  lines.forEach((row, i) => {
    if (i > 0 && row.trim() !== '') calls.push(parseRow(row, i + 1, name));
  });
  return calls;
}

/** The calls of one day, by the date they entered the VRU. */
export function selectDay(
  records: readonly TechnionCall[],
  day: string,
): TechnionCall[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    throw new Error(`selectDay: expected YYYY-MM-DD, got "${day}"`);
  }
  return records.filter((r) => r.date === day);
}

/** Decides whether and how a call was offered; see the file comment. */
export function classifyCall(
  call: TechnionCall,
  includeUnqueued = true,
): TechnionOffer {
  if (call.outcome === 'PHANTOM') {
    return { kind: 'not_offered', reason: 'phantom' };
  }

  if (call.qStart !== null) {
    const at = call.qStart;
    const waitSeconds = call.qTime;
    if (call.outcome === 'HANG') return { kind: 'abandoned', at, waitSeconds };
    const handleSeconds = call.serTime;
    return { kind: 'answered', at, waitSeconds, handleSeconds, queued: true };
  }

  if (call.outcome === 'HANG') {
    return { kind: 'not_offered', reason: 'left_in_vru' };
  }
  if (!includeUnqueued) return { kind: 'not_offered', reason: 'unqueued' };
  const at = call.serStart ?? call.vruExit;
  const handleSeconds = call.serTime;
  return { kind: 'answered', at, waitSeconds: 0, handleSeconds, queued: false };
}

/** Builds the replay trace of the given calls; see the file comment. */
export function technionToTrace(
  records: readonly TechnionCall[],
  options: TechnionTraceOptions = {},
): Trace {
  const includeUnqueued = options.includeUnqueued ?? true;
  const timeZone = options.timeZone ?? 'Asia/Jerusalem';
  const width = (options.intervalMinutes ?? 30) * 60;
  if (!(width > 0)) {
    const got = options.intervalMinutes;
    throw new Error(`technionToTrace: intervalMinutes must be > 0: ${got}`);
  }
  const base = timeBase(records, timeZone);
  const queues = [...new Set(records.map((r) => r.type))].sort();

  const offers = records.map((call) => ({
    call,
    offer: classifyCall(call, includeUnqueued),
  }));
  const handleOf = meanHandleByQueue(offers);
  const arrivals: TraceEvent[] = [];
  for (const { call, offer } of offers) {
    if (offer.kind === 'not_offered') continue;
    arrivals.push({
      type: 'contact.arrive',
      t: base.offsetOf(call.date) + offer.at,
      id: `${call.date.replaceAll('-', '')}-${call.vruLine}-${call.callId}`,
      queue: call.type,
      priority: call.priority,
      channel: 'voice',
      handleSeconds:
        offer.kind === 'answered' ? offer.handleSeconds : handleOf(call.type),
      patienceSeconds: offer.kind === 'abandoned' ? offer.waitSeconds : null,
      ...(call.type === 'TT' ? { callback: true } : {}),
      ...(call.customerId === '0' ? {} : { customerId: call.customerId }),
    });
  }
  const presence = agentPresence(records, base, width, (served) =>
    options.agentQueues === 'observed' ? served : queues,
  );

  const dates = [...new Set(records.map((r) => r.date))].sort();
  const span = dates.length > 1 ? `${dates[0]}..${dates.at(-1)}` : dates[0];
  return {
    header: {
      type: 'trace.header',
      version: 1,
      start: base.start,
      timeZone,
      source: `Technion SEE Lab "Anonymous Bank" call records, ${span}`,
      queues,
    },
    events: [...presence, ...arrivals].sort(compareEvents),
  };
}

/** Offered, answered, abandoned, ASA and service level per hour. */
export function recordedHourlyStats(
  records: readonly TechnionCall[],
  options: HourlyStatsOptions = {},
): HourlyStats[] {
  const threshold = options.thresholdSeconds ?? 20;
  const base = timeBase(records, options.timeZone ?? 'Asia/Jerusalem');
  const hours = new Map<number, { waits: number[]; abandoned: number }>();

  for (const call of records) {
    const offer = classifyCall(call, options.includeUnqueued ?? true);
    if (offer.kind === 'not_offered') continue;
    const hour = Math.floor((base.offsetOf(call.date) + offer.at) / 3600);
    const bin = hours.get(hour) ?? { waits: [], abandoned: 0 };
    hours.set(hour, bin);
    if (offer.kind === 'answered') bin.waits.push(offer.waitSeconds);
    else bin.abandoned += 1;
  }

  const keys = [...hours.keys()];
  const rows: HourlyStats[] = [];
  for (let h = Math.min(...keys); h <= Math.max(...keys); h++) {
    const { waits, abandoned } = hours.get(h) ?? { waits: [], abandoned: 0 };
    const answered = waits.length;
    const within = waits.filter((w) => w <= threshold).length;
    const offered = answered + abandoned;
    rows.push({
      hour: h,
      offered,
      answered,
      abandoned,
      answeredWithinThreshold: within,
      asaSeconds: answered ? waits.reduce((a, b) => a + b, 0) / answered : null,
      serviceLevelAnswered: answered ? within / answered : null,
      serviceLevelOffered: offered ? within / offered : null,
    });
  }
  return rows;
}

/** Login, ready and logout per run of intervals a server was busy in. */
function agentPresence(
  records: readonly TechnionCall[],
  base: TimeBase,
  width: number,
  queuesOf: (served: string[]) => string[],
): TraceEvent[] {
  const slots = new Map<string, Set<number>>();
  const served = new Map<string, Set<string>>();
  for (const call of records) {
    if (call.server === null || call.outcome !== 'AGENT') continue;
    const offset = base.offsetOf(call.date);
    const start = offset + (call.serStart ?? call.qExit ?? call.vruExit);
    const end = call.serExit === null ? start : offset + call.serExit;
    const last = Math.floor((end > start ? end - 1 : start) / width);
    const mine = slots.get(call.server) ?? new Set<number>();
    for (let k = Math.floor(start / width); k <= last; k++) mine.add(k);
    slots.set(call.server, mine);
    const types = served.get(call.server) ?? new Set<string>();
    served.set(call.server, types.add(call.type));
  }

  const events: TraceEvent[] = [];
  for (const [agent, mine] of slots) {
    const queues = queuesOf([...(served.get(agent) ?? [])].sort());
    const sorted = [...mine].sort((a, b) => a - b);
    sorted.forEach((k, i) => {
      if (sorted[i - 1] !== k - 1) {
        events.push({ type: 'agent.login', t: k * width, agent, queues });
        events.push({ type: 'agent.ready', t: k * width, agent });
      }
      if (sorted[i + 1] !== k + 1) {
        events.push({ type: 'agent.logout', t: (k + 1) * width, agent });
      }
    });
  }
  return events;
}

/**
 * An abandoned call's stand-in talk time: the rounded mean of its queue's
 * answered calls, else of all answered calls, else 0.
 */
function meanHandleByQueue(
  offers: readonly { call: TechnionCall; offer: TechnionOffer }[],
): (queue: string) => number {
  const sums = new Map<string, { sum: number; n: number }>();
  const all = { sum: 0, n: 0 };
  for (const { call, offer } of offers) {
    if (offer.kind !== 'answered') continue;
    const s = sums.get(call.type) ?? { sum: 0, n: 0 };
    sums.set(call.type, { sum: s.sum + offer.handleSeconds, n: s.n + 1 });
    all.sum += offer.handleSeconds;
    all.n += 1;
  }
  return (queue) => {
    const s = sums.get(queue) ?? all;
    return s.n === 0 ? 0 : Math.round(s.sum / s.n);
  };
}

/** Same-time events: agents leave, then arrive, then get ready, then calls. */
const rank: Partial<Record<TraceEvent['type'], number>> = {
  'agent.logout': 0,
  'agent.login': 1,
  'agent.ready': 2,
};

function compareEvents(a: TraceEvent, b: TraceEvent): number {
  const byRank = (rank[a.type] ?? 3) - (rank[b.type] ?? 3);
  const [ka, kb] = [keyOf(a), keyOf(b)];
  return a.t - b.t || byRank || (ka < kb ? -1 : ka > kb ? 1 : 0);
}

function keyOf(e: TraceEvent): string {
  return 'agent' in e ? e.agent : 'id' in e ? e.id : '';
}

interface TimeBase {
  /** ISO instant of the first day's midnight, with its UTC offset. */
  start: string;
  /** Seconds from `start` to the midnight beginning `date`. */
  offsetOf(date: string): number;
}

function timeBase(
  records: readonly TechnionCall[],
  timeZone: string,
): TimeBase {
  const dates = [...new Set(records.map((r) => r.date))].sort();
  const first = dates[0];
  if (first === undefined) throw new Error('no Technion records to convert');
  const startMs = zonedMidnight(first, timeZone);
  const offsets = new Map(
    dates.map((d) => [d, (zonedMidnight(d, timeZone) - startMs) / 1000]),
  );

  return {
    start: `${first}T00:00:00${formatOffset(offsetMinutes(startMs, timeZone))}`,
    offsetOf: (date) => offsets.get(date) ?? Number.NaN,
  };
}

/** Epoch ms of 00:00 on `date` in `timeZone`. */
function zonedMidnight(date: string, timeZone: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  // The offset at UTC midnight can differ from the one at local midnight
  // on a change-over day, so look again from the first guess.
  const guess = utc - offsetMinutes(utc, timeZone) * 60_000;
  return utc - offsetMinutes(guess, timeZone) * 60_000;
}

function offsetMinutes(epochMs: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', {
    timeZone,
    timeZoneName: 'longOffset',
  })
    .formatToParts(new Date(epochMs))
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (m === null) throw new Error(`no UTC offset for ${timeZone}: ${name}`);
  const minutes = Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

function parseRow(row: string, line: number, name: string): TechnionCall {
  const cells = row.split(',').map((c) => c.trim());
  const fail = (col: number, detail: string): never => {
    const column = technionColumns[col] ?? 'row';
    throw new Error(`${name} line ${line}: ${column}: ${detail}`);
  };
  if (cells.length !== technionColumns.length) {
    fail(-1, `expected 17 fields, got ${cells.length}`);
  }
  const cell = (col: number) => cells[col] ?? '';
  const int = (col: number) =>
    /^-?\d+$/.test(cell(col)) ? Number(cell(col)) : fail(col, 'not an integer');
  const clock = (col: number) => {
    const m = /^(\d{1,2}):([0-5]\d):([0-5]\d)$/.exec(cell(col));
    if (m === null) return fail(col, `not H:MM:SS: "${cell(col)}"`);
    return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  };
  const vruEntry = clock(6);
  // Midnight wrap: a step that reads 12 h before the entry came after it.
  const later = (col: number) => {
    const s = clock(col);
    return s < vruEntry - DAY / 2 ? s + DAY : s;
  };
  const maybe = (col: number) => (cell(col) === NO_TIME ? null : later(col));

  const date = /^(\d{2})(\d{2})(\d{2})$/.exec(cell(5));
  if (date === null) return fail(5, `not YYMMDD: "${cell(5)}"`);
  const year = Number(date[1]) >= 50 ? `19${date[1]}` : `20${date[1]}`;
  const outcome = technionOutcomes.find((o) => o === cell(12));
  if (outcome === undefined) return fail(12, `unknown "${cell(12)}"`);
  const server = cell(16);

  return {
    line,
    vruLine: cell(0),
    callId: cell(1),
    customerId: cell(2),
    priority: int(3),
    type: cell(4) === '' ? fail(4, 'empty') : cell(4),
    date: `${year}-${date[2]}-${date[3]}`,
    vruEntry,
    vruExit: later(7),
    vruTime: int(8),
    qStart: maybe(9),
    qExit: maybe(10),
    qTime: int(11),
    outcome,
    serStart: maybe(13),
    serExit: maybe(14),
    serTime: int(15),
    server: server === 'NO_SERVER' || server === '' ? null : server,
  };
}
