/**
 * Free text keeps every character exactly as given, through the API, the
 * live feed, reports and CSV; control characters and lone surrogates are
 * refused field by field; CSV cells that look like formulas are neutralised.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../stats/testSupport.js';
import { apiKit, type ApiKit } from './api-test-kit.js';
import type { LiveClient } from './live/live-hub.js';

/** Accents (precomposed and combining), CJK, an emoji sequence, Arabic and Hebrew. */
const name = 'Zoë Renée 张伟 👩🏽‍💻 مريم שָׁלוֹם';
const note = 'Rappel demain\n\tréf. «42» — 完了 ✅';
const bytes = (s: string) => Buffer.from(s, 'utf8').toString('hex');

/** A live client that keeps the raw text of each message. */
function rawClient(k: ApiKit, token: string): { texts: string[] } {
  const texts: string[] = [];
  const client: LiveClient = {
    principal: k.api.sessions.resolve(token)!,
    send: (text) => texts.push(text),
    bufferedAmount: () => 0,
    close: () => {},
  };
  k.api.hub.attach(client, null);
  return { texts };
}

/** A contact of `customerName` taken by a1 and wrapped up with `disposition`. */
async function handled(k: ApiKit, customerName: string, disposition: string) {
  k.ready('a1');
  const agent = await k.login('agent1');
  const { contactId } = await k.newContact({ customer: { name: customerName } });
  await k.call('POST', `/api/agent/contacts/${contactId}/accept`, { token: agent });
  await k.call('POST', `/api/agent/contacts/${contactId}/end`, { token: agent });
  const wrapped = await k.call('POST', `/api/agent/contacts/${contactId}/wrap-up`, {
    token: agent,
    body: { disposition },
  });
  return { contactId, wrapped };
}

describe('Unicode text', () => {
  it('round-trips a name and a note byte for byte through API, live feed, records and CSV', async () => {
    const k = await apiKit();
    const sup = await k.login('sup');
    k.ready('a1');
    const supFeed = rawClient(k, sup);
    const { contactId } = await k.newContact({ customer: { name } });

    const viaApi = (await k.call('GET', `/api/contacts/${contactId}`, { token: sup })).body;
    const viaDesk = JSON.parse(rawClient(k, await k.login('agent1')).texts[0]!);
    const agent = await k.login('agent1');
    await k.call('POST', `/api/agent/contacts/${contactId}/accept`, { token: agent });
    await k.call('POST', `/api/agent/contacts/${contactId}/end`, { token: agent });
    await k.call('POST', `/api/agent/contacts/${contactId}/wrap-up`, {
      token: agent,
      body: { disposition: note },
    });
    const closed = supFeed.texts
      .map((t) => JSON.parse(t))
      .find((m) => m.event?.type === 'contact.closed');
    const records = (await k.call('GET', '/api/contact-records', { token: sup })).body;
    const csv = await k.app.request('/api/contact-records.csv', {
      headers: { authorization: `Bearer ${sup}` },
    });
    const csvText = new TextDecoder('utf-8', { fatal: true }).decode(await csv.arrayBuffer());
    const [header, row] = parseCsv(csvText);
    const cell = (column: string) => row?.[header!.indexOf(column)];

    expect(bytes(viaApi.customer.name)).toBe(bytes(name));
    expect(bytes(viaDesk.state.agent.workload.offers[0].customer.name)).toBe(bytes(name));
    // On the wire, only JSON's own escapes (\n, \t): every other character as is.
    expect(supFeed.texts.join('')).toContain(JSON.stringify(note).slice(1, -1));
    expect(bytes(closed.event.record.disposition)).toBe(bytes(note));
    expect(bytes(records[0].disposition)).toBe(bytes(note));
    expect(bytes(cell('customerName')!)).toBe(bytes(name));
    expect(bytes(cell('disposition')!)).toBe(bytes(note));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });

  it('keeps spaces a name starts or ends with', async () => {
    const k = await apiKit();
    const { contactId } = await k.newContact({ customer: { name: '  Zoë  ' } });

    const res = await k.call('GET', `/api/contacts/${contactId}`, { token: await k.login('sup') });

    expect(res.body.customer.name).toBe('  Zoë  ');
  });

  it.each([
    ['a NUL', 'Zo\u0000e'],
    ['an escape', 'Zoe\u001b[31m'],
    ['a line feed in a one-line field', 'Zoe\nSmith'],
    ['a tab in a one-line field', 'Zoe\tSmith'],
    ['a C1 control', 'Zoe\u0085'],
    ['DEL', 'Zoe\u007f'],
    ['a lone high surrogate', 'Zoe\ud83d'],
    ['a lone low surrogate', '\ude00Zoe'],
    ['only spaces', '   '],
  ])('refuses a name with %s, naming the field', async (_what, bad) => {
    const k = await apiKit();
    const before = k.fingerprint();

    const res = await k.call('POST', '/api/contacts', {
      body: { channel: 'chat', queueId: 'billing', customer: { name: bad } },
    });

    expect([res.status, res.body.issues]).toEqual([
      400,
      [expect.objectContaining({ path: 'body.customer.name', code: 'custom' })],
    ]);
    expect(k.fingerprint()).toBe(before);
  });

  it('allows line feeds and tabs in a multi-line note, but not a carriage return', async () => {
    const k = await apiKit();
    const first = await handled(k, 'Zoe', 'line one\n\tline two');
    const k2 = await apiKit();

    const second = await handled(k2, 'Zoe', 'line one\r\nline two');

    expect(first.wrapped.status).toBe(200);
    expect([second.wrapped.status, second.wrapped.body.issues[0].path]).toEqual([
      400,
      'body.disposition',
    ]);
  });

  it('refuses control characters in a not-ready reason and a user display name', async () => {
    const k = await apiKit();

    const reason = await k.call('POST', '/api/agent/not-ready', {
      token: await k.login('agent1'),
      body: { reason: 'lunch\u0007' },
    });
    const user = await k.call('POST', '/api/admin/users', {
      token: await k.login('admin'),
      body: {
        username: 'x1',
        displayName: 'X\u200b\u0000',
        role: 'supervisor',
        password: 'long enough',
      },
    });

    expect(reason.body.issues[0]).toMatchObject({ path: 'body.reason', code: 'custom' });
    expect(user.body.issues[0]).toMatchObject({ path: 'body.displayName', code: 'custom' });
  });
});

describe('the contact CSV', () => {
  it.each(['=HYPERLINK("http://evil.example","click")', '+SUM(1,2)', '-2+3', '@cmd'])(
    'neutralises a customer name that looks like a formula: %s',
    async (formula) => {
      const k = await apiKit();
      await handled(k, formula, 'ok');

      const res = await k.app.request('/api/contact-records.csv', {
        headers: { authorization: `Bearer ${await k.login('sup')}` },
      });
      const [header, row] = parseCsv(await res.text());

      expect(row?.[header!.indexOf('customerName')]).toBe(`'${formula}`);
    },
  );
});
