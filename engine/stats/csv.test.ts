import { describe, expect, it } from 'vitest';
import { contactCsvColumns, contactRecordsToCsv } from './contactRecordsToCsv.js';
import { csvCell, toCsv } from './csv.js';
import { IntervalAggregator } from './intervalAggregator.js';
import { intervalCsvColumns, intervalRowsToCsv } from './intervalRowsToCsv.js';
import { abandoned, answered, at, closedEvent, parseCsv } from './testSupport.js';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x.test","click")', `"'=HYPERLINK(""http://x.test"",""click"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the formula in %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('leaves text that merely contains a formula character alone', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('support-queue')).toBe('support-queue');
  });

  it('quotes cells with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes numbers as numbers, negative ones too, and null as an empty cell', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('ends every line with CRLF and adds a byte-order mark only when asked', () => {
    const plain = toCsv(['a', 'b'], [['1', '2']]);
    const withBom = toCsv(['a'], [], { bom: true });

    expect(plain).toBe('a,b\r\n1,2\r\n');
    expect(withBom).toBe('\uFEFFa\r\n');
  });
});

describe('contact records as CSV', () => {
  it('writes one row per contact with every timestamp in ISO-8601', () => {
    const record = answered({
      queuedAt: at('09:14:50'),
      waitMs: 30_000,
      talkMs: 60_000,
      agentId: 'ann',
    });

    const [header, row] = parseCsv(contactRecordsToCsv([record]));

    const cell = (name: string) => row?.[contactCsvColumns.indexOf(name)];
    expect(header).toEqual(contactCsvColumns);
    expect(cell('queuedAt')).toBe('2024-01-15T09:14:50.000Z');
    expect(cell('answeredAt')).toBe('2024-01-15T09:15:20.000Z');
    expect(cell('abandonedAt')).toBe('');
    expect(cell('offeredAgents')).toBe('ann');
    expect(cell('offerOutcomes')).toBe('accepted');
    expect(cell('outcome')).toBe('completed');
    expect(cell('waitMs')).toBe('30000');
    expect(cell('talkMs')).toBe('60000');
  });

  it('neutralises a formula typed into a disposition', () => {
    const record = { ...answered({ waitMs: 1_000 }), disposition: '=cmd|" /C calc"!A0' };

    const [, row] = parseCsv(contactRecordsToCsv([record]));

    expect(row?.[contactCsvColumns.indexOf('disposition')]).toBe(`'=cmd|" /C calc"!A0`);
  });

  it('keeps accents, CJK, emoji and right-to-left text exactly', () => {
    const names = ['Zoë Ångström-Núñez', '山田 太郎', 'Ana 👩🏽‍💻 🎧', 'שלום עליכם', 'مرحبا, "صديقي"'];
    const records = names.map((name) => ({
      ...abandoned({ waitMs: 10_000 }),
      topic: name,
      customerId: name,
    }));

    const rows = parseCsv(contactRecordsToCsv(records)).slice(1);

    const topics = rows.map((row) => row[contactCsvColumns.indexOf('topic')]);
    const customers = rows.map((row) => row[contactCsvColumns.indexOf('customerId')]);
    expect(topics).toEqual(names);
    expect(customers).toEqual(names);
  });
});

describe('interval reports as CSV', () => {
  it('writes each interval row with its service-level definition and blanks for no value', () => {
    const stats = new IntervalAggregator();
    stats.consume(closedEvent(answered({ queuedAt: at('09:00:00'), waitMs: 10_000 })));
    stats.consume(closedEvent(abandoned({ queuedAt: at('09:05:00'), waitMs: 30_000 })));

    const csv = intervalRowsToCsv(stats.rows(), { metrics: { formula: 'answeredOnly' } });
    const rows = parseCsv(csv);

    const [header, center] = rows;
    const cell = (name: string) => center?.[intervalCsvColumns.indexOf(name)];
    expect(header).toEqual(intervalCsvColumns);
    expect(rows).toHaveLength(4); // header, center, queue sales, agent ann
    expect(cell('intervalStart')).toBe('2024-01-15T09:00:00.000Z');
    expect(cell('intervalEnd')).toBe('2024-01-15T09:15:00.000Z');
    expect(cell('queueId')).toBe('');
    expect(cell('offered')).toBe('2');
    expect(cell('serviceLevel')).toBe('1');
    expect(cell('serviceLevelDefinition')).toBe('answered within 20 s / answered');
    expect(cell('abandonRate')).toBe('0.5');
    expect(cell('occupancy')).toBe('');
  });
});
