/** Opening contacts and signing in are limited per client, with 429 and Retry-After. */
import { describe, expect, it } from 'vitest';
import { apiKit, password, type ApiKit } from './api-test-kit.js';

const newContact = {
  channel: 'chat',
  queueId: 'billing',
  customer: { name: 'Zoe', email: 'zoe@example.com' },
};

function open(k: ApiKit, from: string, headers: Record<string, string> = {}) {
  return k.call('POST', '/api/contacts', { body: newContact, from, headers });
}

function signIn(k: ApiKit, username: string, secret: string, from = '198.51.100.1') {
  return k.call('POST', '/api/login', { body: { username, password: secret }, from });
}

describe('opening contacts', () => {
  const security = { contactBurst: 3, contactsPerMinute: 6 };

  it('refuses a client address past its burst with 429 and Retry-After, changing nothing', async () => {
    const k = await apiKit(undefined, { security });
    for (let i = 0; i < 3; i++) await open(k, '203.0.113.7');
    const before = k.fingerprint();

    const res = await open(k, '203.0.113.7');

    expect([res.status, res.body.code]).toEqual([429, 'rate_limited']);
    expect(res.headers.get('retry-after')).toBe('10');
    expect(k.fingerprint()).toBe(before);
  });

  it('counts each address apart', async () => {
    const k = await apiKit(undefined, { security });
    for (let i = 0; i < 3; i++) await open(k, '203.0.113.7');

    const other = await open(k, '203.0.113.8');

    expect(other.status).toBe(201);
  });

  it('lets the address in again once a token has come back', async () => {
    const k = await apiKit(undefined, { security });
    for (let i = 0; i < 4; i++) await open(k, '203.0.113.7');

    k.advance(9_999);
    const early = await open(k, '203.0.113.7');
    k.advance(1);
    const onTime = await open(k, '203.0.113.7');

    expect([early.status, onTime.status]).toEqual([429, 201]);
  });

  it('counts refused input too, so garbage cannot be sent without limit', async () => {
    const k = await apiKit(undefined, { security });
    for (let i = 0; i < 3; i++)
      await k.call('POST', '/api/contacts', { body: { nonsense: true }, from: '203.0.113.7' });

    const res = await open(k, '203.0.113.7');

    expect(res.status).toBe(429);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    const k = await apiKit(undefined, { security });
    for (let i = 0; i < 3; i++) await open(k, '10.0.0.1', { 'x-forwarded-for': `198.51.100.${i}` });

    const spoofed = await open(k, '10.0.0.1', { 'x-forwarded-for': '198.51.100.99' });

    expect(spoofed.status).toBe(429);
  });

  it('behind a trusted proxy, limits the address the proxy saw', async () => {
    const k = await apiKit(undefined, { security: { ...security, trustProxyHops: 1 } });
    for (let i = 0; i < 3; i++) await open(k, '10.0.0.1', { 'x-forwarded-for': '198.51.100.1' });

    // A client may prepend what it likes; the proxy's own entry is the last one.
    const sameClient = await open(k, '10.0.0.1', {
      'x-forwarded-for': '1.2.3.4, 198.51.100.1',
    });
    const otherClient = await open(k, '10.0.0.1', { 'x-forwarded-for': '198.51.100.2' });

    expect([sameClient.status, otherClient.status]).toEqual([429, 201]);
  });
});

describe('signing in', () => {
  it('refuses a username after 5 failures with 429 and Retry-After, even with the right password', async () => {
    const k = await apiKit();
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push((await signIn(k, 'agent1', 'wrong-guess')).status);

    const res = await signIn(k, 'agent1', password);

    expect(failures).toEqual([401, 401, 401, 401, 401]);
    expect([res.status, res.body.code]).toEqual([429, 'too_many_attempts']);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('throttles the username whatever its case, and from any address', async () => {
    const k = await apiKit();
    for (let i = 0; i < 5; i++) await signIn(k, 'agent1', 'wrong-guess', `198.51.100.${i}`);

    const res = await signIn(k, 'AGENT1', password, '203.0.113.50');

    expect(res.status).toBe(429);
  });

  it('doubles the wait with each further failure', async () => {
    const k = await apiKit();
    for (let i = 0; i < 5; i++) await signIn(k, 'agent1', 'wrong-guess');

    k.advance(30_000);
    const sixth = await signIn(k, 'agent1', 'wrong-guess');
    const next = await signIn(k, 'agent1', password);
    k.advance(60_000);
    const afterWait = await signIn(k, 'agent1', password);

    expect(sixth.status).toBe(401);
    expect([next.status, next.headers.get('retry-after')]).toEqual([429, '60']);
    expect(afterWait.status).toBe(200);
  });

  it('forgets the failures after a success', async () => {
    const k = await apiKit();
    for (let i = 0; i < 4; i++) await signIn(k, 'agent1', 'wrong-guess');
    await signIn(k, 'agent1', password);

    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await signIn(k, 'agent1', 'wrong-guess')).status);

    expect(statuses).toEqual([401, 401, 401, 401, 401]);
  });

  it('refuses an address after 20 failures across usernames, but not other addresses', async () => {
    const k = await apiKit();
    for (let i = 0; i < 20; i++) await signIn(k, `nobody${i}`, 'wrong-guess', '203.0.113.9');

    const sameAddress = await signIn(k, 'sup', password, '203.0.113.9');
    const otherAddress = await signIn(k, 'sup', password, '203.0.113.10');

    expect(sameAddress.status).toBe(429);
    expect(otherAddress.status).toBe(200);
  });

  it('checks at most 5 passwords of a burst sent in parallel', async () => {
    const k = await apiKit();

    const burst = await Promise.all(
      Array.from({ length: 12 }, () => signIn(k, 'agent1', 'wrong-guess')),
    );

    const statuses = burst.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('logs a throttled sign-in with its address, never the username typed', async () => {
    const k = await apiKit();
    for (let i = 0; i < 5; i++) await signIn(k, 'typed-my-secret-here', 'wrong-guess');

    await signIn(k, 'typed-my-secret-here', 'wrong-guess');

    const warning = k.logs.find((l) => l.message === 'sign-in throttled');
    expect(warning?.fields).toMatchObject({ address: '198.51.100.1' });
    expect(JSON.stringify(k.logs)).not.toContain('typed-my-secret-here');
  });
});
