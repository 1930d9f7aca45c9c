/** Every supervisor and admin action lands in the audit log, which only admins may read. */
import { describe, expect, it } from 'vitest';
import { apiKit, type ApiKit } from './api-test-kit.js';

/** c connected to a1, d and e waiting in billing; a2 and a3 logged in, not ready. */
async function scene(k: ApiKit) {
  k.ready('a1');
  const c = await k.newContact({ customer: { name: 'Cat', email: 'cat@example.com' } });
  k.center.accept('a1', c.contactId);
  const d = await k.newContact({ customer: { name: 'Dan', email: 'dan@example.com' } });
  const e = await k.newContact({ customer: { name: 'Eve', email: 'eve@example.com' } });
  k.center.login('a2');
  k.center.login('a3');
  return { c: c.contactId, d: d.contactId, e: e.contactId };
}

describe('the audit log', () => {
  it('records each supervisor move with who, when and what it changed', async () => {
    const k = await apiKit();
    const { c, d, e } = await scene(k);
    const token = await k.login('sup');
    const sup = {
      actorId: k.store.findUserByUsername('sup')!.id,
      actorName: 'sup',
      actorRole: 'supervisor',
    };

    await k.call('POST', `/api/contacts/${e}/position`, { token, body: { position: 0 } });
    k.advance(1_000);
    await k.call('POST', `/api/contacts/${d}/priority`, { token, body: { priority: 7 } });
    await k.call('POST', `/api/contacts/${e}/queue`, { token, body: { queueId: 'sales' } });
    await k.call('POST', `/api/contacts/${d}/assign`, { token, body: { agentId: 'a2' } });
    k.ready('a3');
    await k.call('POST', `/api/contacts/${c}/transfer`, { token, body: { agentId: 'a2' } });
    await k.call('GET', '/api/contact-records.csv', { token });
    const log = await k.call('GET', '/api/admin/audit', { token: await k.login('admin') });

    const t0 = k.clock.now() - 1_000;
    expect(log.status).toBe(200);
    expect(log.body.map(({ id: _, ...rest }: { id: number }) => rest).reverse()).toEqual([
      { ...sup, at: t0, action: 'contact.position', target: e, details: { position: 0, from: 1 } },
      {
        ...sup,
        at: t0 + 1_000,
        action: 'contact.priority',
        target: d,
        details: { priority: 7, from: 0 },
      },
      {
        ...sup,
        at: t0 + 1_000,
        action: 'contact.queue',
        target: e,
        details: { queueId: 'sales', from: 'billing' },
      },
      { ...sup, at: t0 + 1_000, action: 'contact.assign', target: d, details: { agentId: 'a2' } },
      {
        ...sup,
        at: t0 + 1_000,
        action: 'contact.transfer',
        target: c,
        details: { agentId: 'a2', from: 'a1' },
      },
      {
        ...sup,
        at: t0 + 1_000,
        action: 'records.export',
        target: 'contact-records',
        details: { rows: 0 },
      },
    ]);
  });

  it('records nothing for a move that was refused or failed', async () => {
    const k = await apiKit();
    const { c } = await scene(k);
    const sup = await k.login('sup');

    await k.call('POST', `/api/contacts/${c}/priority`, {
      token: await k.login('agent1'),
      body: { priority: 1 },
    });
    await k.call('POST', `/api/contacts/${c}/position`, { token: sup, body: { position: 0 } });
    await k.call('POST', '/api/contacts/c_unknown/priority', { token: sup, body: { priority: 1 } });

    expect(k.store.listAudit({})).toEqual([]);
  });

  it('is refused to supervisors, agents and customers', async () => {
    const k = await apiKit();
    const { token: customer } = await k.newContact();

    const statuses = [
      (await k.call('GET', '/api/admin/audit', { token: await k.login('sup') })).status,
      (await k.call('GET', '/api/admin/audit', { token: await k.login('agent1') })).status,
      (await k.call('GET', '/api/admin/audit', { token: customer })).status,
      (await k.call('GET', '/api/admin/audit')).status,
    ];

    expect(statuses).toEqual([403, 403, 403, 401]);
  });

  it('lists a time range, newest first, up to a limit', async () => {
    const k = await apiKit();
    const { d } = await scene(k);
    const sup = await k.login('sup');
    for (const priority of [1, 2, 3]) {
      await k.call('POST', `/api/contacts/${d}/priority`, { token: sup, body: { priority } });
      k.advance(1_000);
    }
    const admin = await k.login('admin');
    const start = k.clock.now() - 3_000;

    const ranged = await k.call(
      'GET',
      `/api/admin/audit?from=${start + 1_000}&to=${start + 3_000}`,
      {
        token: admin,
      },
    );
    const limited = await k.call('GET', '/api/admin/audit?limit=1', { token: admin });
    const bad = await k.call('GET', '/api/admin/audit?limit=0', { token: admin });

    expect(ranged.body.map((x: { details: { priority: number } }) => x.details.priority)).toEqual([
      3, 2,
    ]);
    expect(limited.body).toHaveLength(1);
    expect([bad.status, bad.body.issues[0].path]).toEqual([400, 'query.limit']);
  });

  it('records admin actions: users, sessions, and customer data', async () => {
    const k = await apiKit();
    const { c } = await scene(k);
    const admin = await k.login('admin');
    const customerId = k.center.contact(c)!.record.customerId!;

    const created = await k.call('POST', '/api/admin/users', {
      token: admin,
      body: { username: 'sup2', displayName: 'Sue', role: 'supervisor', password: 'long enough' },
    });
    await k.call('DELETE', `/api/admin/users/${created.body.id}/sessions`, { token: admin });
    await k.call('DELETE', `/api/admin/users/${created.body.id}`, { token: admin });
    await k.call('GET', `/api/admin/customers/${customerId}/export`, { token: admin });
    await k.call('DELETE', `/api/admin/customers/${customerId}`, { token: admin });

    const log = (await k.call('GET', '/api/admin/audit', { token: admin })).body;
    expect(
      log.map((x: { action: string; target: string }) => [x.action, x.target]).reverse(),
    ).toEqual([
      ['user.create', created.body.id],
      ['user.sessions_revoke', created.body.id],
      ['user.delete', created.body.id],
      ['customer.export', customerId],
      ['customer.erase', customerId],
    ]);
    expect(JSON.stringify(log)).not.toMatch(/Cat|cat@example|long enough/);
  });
});
