/**
 * The Technion importer against the real August 1999 files: counts are
 * checked against a plain split of the CSV, so the importer's parsing and
 * its offered-call rules are tested against something independent of it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type TechnionCall,
  parseTechnionCsv,
  readTechnionCsv,
  recordedHourlyStats,
  selectDay,
  technionColumns,
  technionToTrace,
} from './technion.js';
import {
  type Trace,
  type TraceEvent,
  parseTrace,
  serializeTrace,
} from './trace.js';

const dir = fileURLToPath(new URL('../../shared/data/technion-anonymous-bank', import.meta.url));
const dayFile = `${dir}/anonymous_bank_1999-08-01.csv`;
const monthFile = `${dir}/anonymous_bank_1999-08.csv.gz`;

/** The day file as bare string cells, header dropped. */
function rawRows(): string[][] {
  return readFileSync(dayFile, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

const col = (name: (typeof technionColumns)[number]) =>
  technionColumns.indexOf(name);
const hourOf = (clock: string | undefined) => Number(clock?.split(':')[0]);

function countBy<T>(items: readonly T[], key: (item: T) => string | number) {
  const counts = new Map<string | number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

type Arrival = Extract<TraceEvent, { type: 'contact.arrive' }>;
const arrivalsOf = (trace: Trace) =>
  trace.events.filter((e): e is Arrival => e.type === 'contact.arrive');

let day: TechnionCall[];

beforeAll(async () => {
  day = await readTechnionCsv(dayFile);
});

describe('readTechnionCsv', () => {
  it('reads all 42,078 calls of the gzipped month', async () => {
    const month = await readTechnionCsv(monthFile);

    expect(month).toHaveLength(42_078);
    expect(month.filter((c) => c.outcome === 'PHANTOM')).toHaveLength(310);
    expect(selectDay(month, '1999-08-01')).toEqual(day);
  });

  it('reads the 2,375 calls of 1 August with their real codes', () => {
    const types = [...new Set(day.map((c) => c.type))].sort();
    const priorities = [...new Set(day.map((c) => c.priority))].sort();

    expect(day).toHaveLength(2_375);
    expect(types).toEqual(['IN', 'NE', 'NW', 'PE', 'PS', 'TT']);
    expect(priorities).toEqual([0, 1, 2]);
    expect(countBy(day, (c) => c.outcome)).toEqual(
      new Map([['HANG', 846], ['AGENT', 1_511], ['PHANTOM', 18]]),
    );
  });

  it('keeps a negative vru_time record whole', () => {
    const negative = day.filter((c) => c.vruTime < 0);

    const call = negative.find((c) => c.callId === '7039');

    expect(negative).toHaveLength(3);
    expect(call).toMatchObject({
      vruEntry: 12 * 3600 + 4 * 60 + 42,
      vruExit: 12 * 3600 + 3 * 60 + 15,
      qStart: 12 * 3600 + 3 * 60 + 15,
      qTime: 101,
      serTime: 61,
      server: 'VICKY',
    });
  });

  it('puts steps after midnight on the next day and 0:00:00 as absent', () => {
    const text = [
      technionColumns.join(','),
      'AA0201,43574,0,0,NW,990803,23:56:01,23:56:01,0,23:56:11,0:01:09,298,' +
        'AGENT,0:01:09,0:02:28,79,SHARON',
      'AA0204,43678,0,0,PS,990801,0:10:10,0:10:27,17,0:00:00,0:00:00,0,' +
        'HANG,0:00:00,0:00:00,0,NO_SERVER',
    ].join('\r\n');

    const [late, early] = parseTechnionCsv(text);

    expect(late).toMatchObject({
      date: '1999-08-03',
      qStart: 86_171,
      qExit: 86_400 + 69,
      serExit: 86_400 + 148,
    });
    expect(early).toMatchObject({ qStart: null, serStart: null, server: null });
  });

  it('names the line and column of a bad cell', () => {
    const row =
      'AA0204,1,0,x,PS,990801,0:10:10,0:10:27,17,0:00:00,0:00:00,0,' +
      'HANG,0:00:00,0:00:00,0,NO_SERVER';
    const text = `${technionColumns.join(',')}\n${row}`;

    expect(() => parseTechnionCsv(text, 'f.csv')).toThrow(
      'f.csv line 2: priority: not an integer',
    );
  });
});

describe('technionToTrace on 1 August 1999', () => {
  it('starts at local midnight and lists the six types as queues', () => {
    const { header } = technionToTrace(day);

    expect(header.start).toBe('1999-08-01T00:00:00+03:00');
    expect(header.timeZone).toBe('Asia/Jerusalem');
    expect(header.queues).toEqual(['IN', 'NE', 'NW', 'PE', 'PS', 'TT']);
  });

  it('makes one arrival per queued non-phantom call, hour by hour', () => {
    const queued = rawRows().filter(
      (r) => r[col('outcome')] !== 'PHANTOM' && r[col('q_start')] !== '0:00:00',
    );
    const expected = countBy(queued, (r) => hourOf(r[col('q_start')]));

    const arrivals = arrivalsOf(technionToTrace(day, { includeUnqueued: false }));

    expect(arrivals).toHaveLength(1_971);
    expect(countBy(arrivals, (a) => Math.floor(a.t / 3600))).toEqual(expected);
  });

  it('adds the calls served without queueing at their service start', () => {
    const rows = rawRows().filter((r) => r[col('outcome')] !== 'PHANTOM');
    const entered = rows.flatMap((r) => {
      if (r[col('q_start')] !== '0:00:00') return [hourOf(r[col('q_start')])];
      return r[col('outcome')] === 'AGENT' ? [hourOf(r[col('ser_start')])] : [];
    });

    const arrivals = arrivalsOf(technionToTrace(day));

    expect(arrivals).toHaveLength(2_239);
    expect(countBy(arrivals, (a) => Math.floor(a.t / 3600))).toEqual(
      countBy(entered, (h) => h),
    );
  });

  it('leaves every PHANTOM record out', () => {
    const phantoms = day.filter((c) => c.outcome === 'PHANTOM');
    const ids = new Set(arrivalsOf(technionToTrace(day)).map((a) => a.id));

    const leaked = phantoms.filter((c) =>
      ids.has(`19990801-${c.vruLine}-${c.callId}`),
    );

    expect(phantoms).toHaveLength(18);
    expect(leaked).toEqual([]);
  });

  it('turns a negative vru_time call into an ordinary arrival at q_start', () => {
    const arrivals = arrivalsOf(technionToTrace(day));

    const call = arrivals.find((a) => a.id === '19990801-AA0207-7039');

    expect(call).toEqual({
      type: 'contact.arrive',
      t: 12 * 3600 + 3 * 60 + 15,
      id: '19990801-AA0207-7039',
      queue: 'PS',
      priority: 1,
      channel: 'voice',
      handleSeconds: 61,
      patienceSeconds: null,
      customerId: '17702523',
    });
  });

  it('gives abandoned calls their wait as patience and a mean talk time', () => {
    const arrivals = arrivalsOf(technionToTrace(day));
    const served = day.filter((c) => c.outcome === 'AGENT' && c.type === 'PS');
    const meanPs = served.reduce((s, c) => s + c.serTime, 0) / served.length;

    const abandoned = arrivals.filter((a) => a.patienceSeconds !== null);
    const abandonedPs = abandoned.filter((a) => a.queue === 'PS');

    expect(abandoned).toHaveLength(728);
    expect(new Set(abandonedPs.map((a) => a.handleSeconds))).toEqual(
      new Set([Math.round(meanPs)]),
    );
  });

  it('marks TT calls, the bank calling back, as callbacks', () => {
    const arrivals = arrivalsOf(technionToTrace(day));

    const callbacks = arrivals.filter((a) => a.callback === true);

    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.every((a) => a.queue === 'TT')).toBe(true);
  });

  it('writes a trace that parses back to itself', () => {
    const trace = technionToTrace(day);

    const again = parseTrace(serializeTrace(trace));

    expect(again).toEqual(trace);
  });
});

describe('agent presence inferred from 1 August', () => {
  it('logs in the 18 servers who served calls that day', () => {
    const { events } = technionToTrace(day);

    const agents = new Set(
      events.flatMap((e) => (e.type === 'agent.login' ? [e.agent] : [])),
    );

    expect(agents.size).toBe(18);
  });

  it('has every service start inside a session of its server', () => {
    const trace = technionToTrace(day, { intervalMinutes: 60 });
    const sessions = new Map<string, [number, number][]>();
    for (const e of trace.events) {
      if (e.type === 'agent.login') {
        sessions.set(e.agent, [...(sessions.get(e.agent) ?? []), [e.t, Infinity]]);
      }
      if (e.type === 'agent.logout') {
        const open = sessions.get(e.agent)?.at(-1);
        if (open) open[1] = e.t;
      }
    }

    const outside = day.filter((c) => {
      if (c.server === null || c.serStart === null) return false;
      const start = c.serStart;
      return !sessions.get(c.server)?.some(([a, b]) => a <= start && start < b);
    });

    expect(outside).toEqual([]);
    expect([...sessions.values()].flat().every(([, b]) => b < Infinity)).toBe(true);
  });

  it('limits agents to the types they served when asked to', () => {
    const trace = technionToTrace(day, { agentQueues: 'observed' });

    const goldie = trace.events.find(
      (e) => e.type === 'agent.login' && e.agent === 'Z1GOLDIE',
    );

    expect(goldie).toMatchObject({ queues: ['IN'] });
  });
});

describe('recordedHourlyStats', () => {
  it('counts offered calls per hour exactly as the trace does', () => {
    const arrivals = arrivalsOf(technionToTrace(day));

    const stats = recordedHourlyStats(day);

    expect(stats.map((s) => s.hour)).toEqual(
      Array.from({ length: 18 }, (_, i) => i + 6),
    );
    expect(new Map(stats.map((s) => [s.hour, s.offered]))).toEqual(
      countBy(arrivals, (a) => Math.floor(a.t / 3600)),
    );
  });

  it('matches totals and waits taken straight from the CSV', () => {
    const queued = rawRows().filter(
      (r) => r[col('outcome')] !== 'PHANTOM' && r[col('q_start')] !== '0:00:00',
    );
    const answered = queued.filter((r) => r[col('outcome')] === 'AGENT');
    const waits = answered.map((r) => Number(r[col('q_time')]));
    const within = waits.filter((w) => w <= 20).length;

    const stats = recordedHourlyStats(day, { includeUnqueued: false });
    const sum = (key: 'offered' | 'answered' | 'abandoned') =>
      stats.reduce((s, row) => s + row[key], 0);

    expect(sum('offered')).toBe(1_971);
    expect(sum('answered')).toBe(1_243);
    expect(sum('abandoned')).toBe(728);
    expect(stats.reduce((s, r) => s + r.answeredWithinThreshold, 0)).toBe(
      within,
    );
  });

  it('gives ASA over answered calls and both service level ratios', () => {
    const rows = rawRows().filter(
      (r) =>
        r[col('outcome')] !== 'PHANTOM' &&
        r[col('q_start')] !== '0:00:00' &&
        hourOf(r[col('q_start')]) === 19,
    );
    const answered = rows.filter((r) => r[col('outcome')] === 'AGENT');
    const waits = answered.map((r) => Number(r[col('q_time')]));
    const within = waits.filter((w) => w <= 20).length;
    const asa = waits.reduce((a, b) => a + b, 0) / waits.length;

    const stats = recordedHourlyStats(day, { includeUnqueued: false });
    const evening = stats.find((s) => s.hour === 19);

    expect(evening?.asaSeconds).toBeCloseTo(asa, 9);
    expect(evening?.serviceLevelAnswered).toBeCloseTo(within / answered.length, 9);
    expect(evening?.serviceLevelOffered).toBeCloseTo(within / rows.length, 9);
  });
});
