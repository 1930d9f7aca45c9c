/** Security headers on pages and API answers, Secure cookies behind TLS, and CORS off by default. */
import { describe, expect, it } from 'vitest';
import { apiKit, password } from './api-test-kit.js';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Record<string, string> {
  return Object.fromEntries(
    (header ?? '').split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('security headers', () => {
  it('give an HTML page a policy of this origin only: no inline script, no framing', async () => {
    const k = await apiKit();
    // The built pages are mounted the same way, after the API's middleware.
    k.app.get('/agent', (c) => c.html('<!doctype html><title>desk</title>'));

    const res = await k.app.request('/agent');

    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(directives(res.headers.get('content-security-policy'))).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'connect-src': "'self' ws: wss:",
      'img-src': "'self' data:",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
    });
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('go on API answers, refusals included, which are never cached', async () => {
    const k = await apiKit();

    const ok = await k.call('GET', '/api/session', { token: await k.login('sup') });
    const refused = await k.call('GET', '/api/agents');

    for (const res of [ok, refused]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    expect(refused.status).toBe(401);
  });

  it('include HSTS only when TLS is promised', async () => {
    const plain = await apiKit();
    const tls = await apiKit(undefined, { security: { secureCookies: true } });

    const overHttp = await plain.call('GET', '/healthz');
    const overTls = await tls.call('GET', '/healthz');

    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
    expect(overTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

describe('the session cookie', () => {
  const signIn = { body: { username: 'agent1', password } };

  it('is HttpOnly and SameSite=Lax, and not Secure over plain HTTP', async () => {
    const k = await apiKit();

    const cookie = (await k.call('POST', '/api/login', signIn)).headers.get('set-cookie');

    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('is Secure when SECURE_COOKIES is set, or the request came over https', async () => {
    const configured = await apiKit(undefined, { security: { secureCookies: true } });
    const plain = await apiKit();

    const viaConfig = await configured.call('POST', '/api/login', signIn);
    const viaHttps = await plain.app.request('https://center.example/api/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signIn.body),
    });

    expect(viaConfig.headers.get('set-cookie')).toMatch(/Secure/);
    expect(viaHttps.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const untrusted = await apiKit();
    const trusted = await apiKit(undefined, { security: { trustProxyHops: 1 } });
    const headers = { 'x-forwarded-proto': 'https' };

    const fromClient = await untrusted.call('POST', '/api/login', { ...signIn, headers });
    const fromProxy = await trusted.call('POST', '/api/login', { ...signIn, headers });

    expect(fromClient.headers.get('set-cookie')).not.toMatch(/Secure/);
    expect(fromProxy.headers.get('set-cookie')).toMatch(/Secure/);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) => ({
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    },
  });

  it('is off unless origins are configured', async () => {
    const k = await apiKit();

    const res = await k.call('OPTIONS', '/api/contacts', preflight('https://shop.example'));

    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers listed origins, without credentials, and ignores the rest', async () => {
    const k = await apiKit(undefined, { security: { corsOrigins: ['https://shop.example'] } });

    const listed = await k.call('OPTIONS', '/api/contacts', preflight('https://shop.example'));
    const other = await k.call('OPTIONS', '/api/contacts', preflight('https://evil.example'));

    expect(listed.status).toBe(204);
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(listed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
