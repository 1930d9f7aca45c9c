import { describe, expect, it } from 'vitest';
import { T0 } from '../test/harness.js';
import { apiKit } from './api-test-kit.js';

/** a1 answers x after 10 s and talks 60 s; y waits 30 s and hangs up. */
async function scene() {
  const k = await apiKit();
  k.ready('a1');
  const x = await k.newContact({
    customer: { name: '=HYPERLINK("evil")', email: 'x@example.com' },
  });
  const y = await k.newContact({ customer: { name: 'Zoë', email: 'y@example.com' } });
  k.advance(10_000);
  k.center.accept('a1', x.contactId);
  k.advance(20_000);
  await k.call('POST', `/api/contacts/${y.contactId}/abandon`, { token: y.token });
  k.advance(40_000);
  k.center.end('a1', x.contactId);
  k.center.finishWrapUp('a1', x.contactId, '=SUM(A1:A9)');
  return { k, x, y, sup: await k.login('sup') };
}

describe('statistics over the API', () => {
  it('reports the interval with values computed by hand', async () => {
    const { k, sup } = await scene();

    const res = await k.call(
      'GET',
      `/api/stats/intervals?from=${T0}&to=${T0 + 900_000}&queueId=billing`,
      { token: sup },
    );

    expect(res.status).toBe(200);
    expect(res.body.intervalMinutes).toBe(15);
    expect(res.body.rows.map((r: { intervalStart: number }) => r.intervalStart)).toEqual([T0]);
    const total = res.body.total;
    expect([total.offered, total.answered, total.abandoned]).toEqual([2, 1, 1]);
    expect([total.asaMs, total.averageAbandonMs, total.averageTalkMs]).toEqual([
      10_000, 30_000, 60_000,
    ]);
    expect(total.serviceLevel.value).toBe(0.5);
  });

  it('shows the live queue: waiting, longest wait and agents by state', async () => {
    const k = await apiKit();
    await k.newContact();
    k.advance(12_000);
    const sup = await k.login('sup');

    const res = await k.call('GET', '/api/stats/realtime', { token: sup });

    expect(res.status).toBe(200);
    expect(res.body.queues.billing.waiting).toBe(1);
    expect(res.body.queues.billing.longestWaitMs).toBe(12_000);
    expect(res.body.center.agents.loggedOut).toBe(3);
  });

  it('exports contact records as CSV with a formula-looking disposition neutralised', async () => {
    const { k, x, sup } = await scene();

    const res = await k.app.request('/api/contact-records.csv', {
      headers: { authorization: `Bearer ${sup}` },
    });
    const csv = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.split('\r\n')[0]).toContain('id');
    expect(csv).toContain(x.contactId);
    expect(
      k.store
        .listContacts({})
        .map((r) => r.outcome)
        .sort(),
    ).toEqual(['abandoned', 'completed']);
    expect(csv).toContain("'=SUM(A1:A9)");
    expect(csv).not.toMatch(/(^|,)=SUM/m);
  });

  it('refuses a range with both a queue and an agent, naming the field', async () => {
    const { k, sup } = await scene();

    const res = await k.call('GET', '/api/stats/intervals?queueId=billing&agentId=a1', {
      token: sup,
    });

    expect(res.status).toBe(400);
    expect(res.body.issues[0].path).toBe('query.agentId');
  });

  it('refuses a range that ends before it starts or spans more than 92 days', async () => {
    const { k, sup } = await scene();

    const backwards = await k.call('GET', `/api/stats/intervals?from=${T0}&to=${T0 - 1}`, {
      token: sup,
    });
    const empty = await k.call('GET', `/api/stats/intervals?from=${T0}&to=${T0}`, { token: sup });
    const tooLong = await k.call('GET', `/api/stats/intervals?from=0&to=${T0}`, { token: sup });

    expect([backwards.status, empty.status, tooLong.status]).toEqual([400, 400, 400]);
    expect(tooLong.body.issues.map((i: { path: string }) => i.path)).toEqual(['query.to']);
  });
});
