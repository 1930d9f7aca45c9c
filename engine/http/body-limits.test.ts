/** Request bodies are bounded and checked before any route parses them. */
import { describe, expect, it } from 'vitest';
import { apiKit, password } from './api-test-kit.js';

const limit = 64 * 1024;

/** A valid login padded with JSON whitespace to exactly `bytes` bytes. */
function loginOf(bytes: number): string {
  const json = JSON.stringify({ username: 'agent1', password });
  return json + ' '.repeat(bytes - Buffer.byteLength(json));
}

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('the body limit', () => {
  it('accepts a body of exactly 64 KiB', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/login', { body: loginOf(limit) });

    expect(res.status).toBe(200);
  });

  it('refuses a body one byte over 64 KiB with 413', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/login', { body: loginOf(limit + 1) });

    expect([res.status, res.body.code]).toEqual([413, 'body_too_large']);
  });

  it('answers 413 before parsing: an oversized body that is not even JSON', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/contacts', { body: '{'.repeat(limit + 1) });

    expect([res.status, res.body.code]).toEqual([413, 'body_too_large']);
  });

  it('counts a body sent in chunks without a declared length', async () => {
    const k = await apiKit();
    const chunk = new TextEncoder().encode(' '.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 5) controller.enqueue(chunk);
        else controller.close();
      },
    });

    const res = await k.app.request('/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);

    expect(res.status).toBe(413);
  });

  it('follows the configured limit', async () => {
    const k = await apiKit(undefined, { security: { maxBodyBytes: 100 } });

    const under = await k.call('POST', '/api/login', { body: loginOf(100) });
    const over = await k.call('POST', '/api/login', { body: loginOf(101) });

    expect([under.status, over.status]).toEqual([200, 413]);
  });
});

describe('the JSON guard', () => {
  it('accepts JSON nested 20 deep and refuses 21 with 400 too_deep, before the schema', async () => {
    const k = await apiKit();

    const deepest = await k.call('POST', '/api/login', { body: nested(20) });
    const deeper = await k.call('POST', '/api/login', { body: nested(21) });

    expect(deepest.body.issues[0].code).not.toBe('too_deep');
    expect([deeper.status, deeper.body.issues]).toEqual([
      400,
      [{ path: 'body', code: 'too_deep', message: 'JSON may nest at most 20 levels' }],
    ]);
  });

  it('ignores brackets inside strings when measuring depth', async () => {
    const k = await apiKit();

    const res = await k.call('POST', '/api/login', {
      body: { username: 'agent1', password: `${'[{'.repeat(40)}"\\` },
    });

    expect([res.status, res.body.code]).toEqual([401, 'invalid_credentials']);
  });

  it('refuses bytes that are not UTF-8 with 400 invalid_utf8', async () => {
    const k = await apiKit();
    const body = new Uint8Array([
      ...new TextEncoder().encode('{"username":"'),
      0xc3,
      0x28,
      0x22,
      0x7d,
    ]);

    const res = await k.call('POST', '/api/login', { body });

    expect([res.status, res.body.issues[0].code]).toEqual([400, 'invalid_utf8']);
  });

  it('refuses truncated JSON with 400 invalid_json, even on a route that takes no body', async () => {
    const k = await apiKit();
    const token = await k.login('agent1');
    const before = k.fingerprint();

    const truncated = await k.call('POST', '/api/login', { body: '{"username":"agent1","pass' });
    const bodyless = await k.call('POST', '/api/agent/login', { token, body: '{"a":' });

    expect([truncated.status, truncated.body.issues[0].code]).toEqual([400, 'invalid_json']);
    expect([bodyless.status, bodyless.body.issues[0].code]).toEqual([400, 'invalid_json']);
    expect(k.fingerprint()).toBe(before);
  });

  it('refuses a body that is not JSON with 415, so forged HTML forms never reach a route', async () => {
    const k = await apiKit();
    const token = await k.login('agent1');
    const before = k.fingerprint();

    const res = await k.call('POST', '/api/agent/login', {
      token,
      body: 'anything=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    expect([res.status, res.body.code]).toEqual([415, 'unsupported_media_type']);
    expect(k.fingerprint()).toBe(before);
  });

  it('lets an empty body through to routes that take none', async () => {
    const k = await apiKit();
    const token = await k.login('agent1');

    const res = await k.call('POST', '/api/agent/login', { token, body: '' });

    expect(res.status).toBe(200);
  });
});
