/**
 * The trace format: what parseTrace accepts, what it refuses and how it
 * says so, and that serializeTrace and parseTrace are inverse.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  type Trace,
  TraceError,
  parseTrace,
  readTraceFile,
  serializeTrace,
} from './trace.js';

const header =
  '{"type":"trace.header","start":"1999-08-01T00:00:00+03:00",' +
  '"queues":["PS","IN"]}';

function withEvents(...lines: string[]): string {
  return [header, ...lines].join('\n');
}

function parseError(text: string): TraceError {
  try {
    parseTrace(text);
  } catch (err) {
    if (err instanceof TraceError) return err;
    throw err;
  }
  throw new Error('parseTrace accepted the trace');
}

const everyEvent: Trace = {
  header: {
    type: 'trace.header',
    version: 1,
    start: '1999-08-01T00:00:00+03:00',
    timeZone: 'Asia/Jerusalem',
    source: 'hand-written',
    queues: ['PS', 'IN'],
  },
  events: [
    { type: 'agent.login', t: 0, agent: 'a1', queues: ['PS', 'IN'] },
    { type: 'agent.ready', t: 0, agent: 'a1' },
    {
      type: 'contact.arrive',
      t: 10,
      id: 'c1',
      queue: 'PS',
      priority: 2,
      channel: 'voice',
      handleSeconds: 95,
      patienceSeconds: null,
      callback: true,
      customerId: 'cust-1',
      preferredAgent: 'a1',
    },
    {
      type: 'contact.arrive',
      t: 10.5,
      id: 'c2',
      queue: 'IN',
      priority: 0,
      channel: 'chat',
      handleSeconds: 300,
      patienceSeconds: 40,
    },
    { type: 'supervisor.move', t: 11, contact: 'c2', position: 1 },
    { type: 'supervisor.priority', t: 12, contact: 'c2', priority: 5 },
    { type: 'supervisor.transfer_queue', t: 13, contact: 'c2', queue: 'PS' },
    { type: 'supervisor.assign', t: 14, contact: 'c2', agent: 'a1' },
    { type: 'agent.decline', t: 15, agent: 'a1', contact: 'c2' },
    { type: 'agent.accept', t: 16, agent: 'a1', contact: 'c1' },
    { type: 'contact.hangup', t: 17, contact: 'c2' },
    { type: 'agent.not_ready', t: 200, agent: 'a1', reason: 'break' },
    { type: 'agent.logout', t: 300, agent: 'a1' },
  ],
};

describe('parseTrace and serializeTrace', () => {
  it('round-trips a trace holding every event type', () => {
    const text = serializeTrace(everyEvent);

    const parsed = parseTrace(text);

    expect(parsed).toEqual(everyEvent);
    expect(serializeTrace(parsed)).toBe(text);
    expect(text.split('\n')).toHaveLength(everyEvent.events.length + 2);
  });

  it('fills in the defaults of a minimal arrival', () => {
    const text = withEvents(
      '{"type":"contact.arrive","t":5,"id":"c1","queue":"PS","handleSeconds":60}',
    );

    const { header: h, events } = parseTrace(text);

    expect(h.version).toBe(1);
    expect(events[0]).toEqual({
      type: 'contact.arrive',
      t: 5,
      id: 'c1',
      queue: 'PS',
      priority: 0,
      channel: 'voice',
      handleSeconds: 60,
      patienceSeconds: null,
    });
  });

  it('accepts CRLF line ends and blank lines', () => {
    const text = `${header}\r\n\r\n{"type":"agent.ready","t":1,"agent":"a"}\r\n`;

    const { events } = parseTrace(text);

    expect(events).toEqual([{ type: 'agent.ready', t: 1, agent: 'a' }]);
  });

  it('parses the example in TRACE.md', () => {
    const doc = readFileSync(new URL('./TRACE.md', import.meta.url), 'utf8');
    const example = /```jsonl\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

    const { events } = parseTrace(example);

    expect(events.map((e) => e.type)).toContain('contact.arrive');
  });
});

describe('a bad trace', () => {
  it('names the line number and field path of a wrongly typed field', () => {
    const text = withEvents(
      '{"type":"agent.ready","t":1,"agent":"a"}',
      '{"type":"contact.arrive","t":5,"id":"c1","queue":"PS","handleSeconds":"60"}',
    );

    const error = parseError(text);

    expect(error.line).toBe(3);
    expect(error.path).toBe('handleSeconds');
    expect(error.code).toBe('invalid_line');
    expect(error.message).toMatch(/^trace line 3: handleSeconds: .*number/);
    expect(error.message).not.toContain('\n');
  });

  it('names the index inside an array', () => {
    const text = withEvents(
      '{"type":"agent.login","t":0,"agent":"a","queues":["PS",7]}',
    );

    const error = parseError(text);

    expect(error.message).toMatch(/^trace line 2: queues\[1\]: /);
  });

  it('names an unknown field rather than ignoring it', () => {
    const text = withEvents(
      '{"type":"contact.arrive","t":5,"id":"c1","queue":"PS",' +
        '"handleSeconds":6,"handleSecs":60}',
    );

    const error = parseError(text);

    expect(error.path).toBe('handleSecs');
  });

  it('names the type of an unknown event', () => {
    const error = parseError(withEvents('{"type":"agent.dance","t":1}'));

    expect(error.message).toMatch(/^trace line 2: type: /);
  });

  it('refuses time running backwards', () => {
    const text = withEvents(
      '{"type":"agent.ready","t":10,"agent":"a"}',
      '{"type":"agent.ready","t":9,"agent":"b"}',
    );

    const error = parseError(text);

    expect([error.code, error.line, error.path]).toEqual([
      'time_backwards',
      3,
      't',
    ]);
  });

  it('refuses a queue missing from the header', () => {
    const text = withEvents(
      '{"type":"contact.arrive","t":5,"id":"c1","queue":"XX","handleSeconds":6}',
    );

    const error = parseError(text);

    expect([error.code, error.path]).toEqual(['unknown_queue', 'queue']);
  });

  it('refuses a repeated contact id and a contact that never arrived', () => {
    const arrive =
      '{"type":"contact.arrive","t":5,"id":"c1","queue":"PS","handleSeconds":6}';

    const duplicate = parseError(withEvents(arrive, arrive));
    const stranger = parseError(
      withEvents('{"type":"contact.hangup","t":1,"contact":"c9"}'),
    );

    expect(duplicate.code).toBe('duplicate_contact');
    expect(stranger.code).toBe('unknown_contact');
  });

  it('refuses a trace whose first line is not the header', () => {
    const error = parseError('{"type":"agent.ready","t":1,"agent":"a"}\n');

    expect([error.code, error.line]).toEqual(['missing_header', 1]);
  });

  it('reports a line that is not JSON', () => {
    const error = parseError(withEvents('{"type":'));

    expect([error.code, error.line]).toEqual(['invalid_json', 2]);
  });

  it('refuses a start without a UTC offset', () => {
    const text = header.replace('+03:00', '');

    const error = parseError(text);

    expect([error.line, error.path]).toEqual([1, 'start']);
  });

  it('is refused by serializeTrace too', () => {
    const bad: Trace = {
      header: everyEvent.header,
      events: [{ type: 'agent.ready', t: -1, agent: 'a' }],
    };

    expect(() => serializeTrace(bad)).toThrow(/^trace line 2: t: /);
  });
});

describe('readTraceFile', () => {
  it('reads plain and gzipped files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    const text = serializeTrace(everyEvent);
    writeFileSync(join(dir, 'a.jsonl'), text);
    writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync(text));

    const plain = await readTraceFile(join(dir, 'a.jsonl'));
    const zipped = await readTraceFile(join(dir, 'a.jsonl.gz'));

    expect(plain).toEqual(everyEvent);
    expect(zipped).toEqual(everyEvent);
  });
});
