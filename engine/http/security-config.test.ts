/** The security settings read from the environment, and their defaults. */
import { describe, expect, it } from 'vitest';
import { defaultSecurity, SecurityEnv } from './security-config.js';

describe('the security environment', () => {
  it('takes the defaults when nothing is set', () => {
    expect(SecurityEnv.parse({})).toEqual(defaultSecurity);
  });

  it('reads each variable', () => {
    const parsed = SecurityEnv.parse({
      TRUST_PROXY: '1',
      SECURE_COOKIES: '1',
      CORS_ORIGINS: 'https://shop.example, http://localhost:5173',
      MAX_BODY_BYTES: '1024',
      CONTACT_RATE_PER_MIN: '5',
      CONTACT_RATE_BURST: '2',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '9',
      WS_MAX_FRAME_BYTES: '4096',
      WS_FRAMES_PER_SEC: '5',
    });

    expect(parsed).toEqual({
      ...defaultSecurity,
      trustProxyHops: 1,
      secureCookies: true,
      corsOrigins: ['https://shop.example', 'http://localhost:5173'],
      maxBodyBytes: 1024,
      contactsPerMinute: 5,
      contactBurst: 2,
      loginMaxFailures: 3,
      loginMaxFailuresPerAddress: 9,
      liveMaxFrameBytes: 4096,
      liveFramesPerSecond: 5,
    });
  });

  it('refuses an origin with a path, a wildcard, a limit of zero and an unclear switch', () => {
    const bad = SecurityEnv.safeParse({
      CORS_ORIGINS: 'https://shop.example/app,*',
      CONTACT_RATE_BURST: '0',
      SECURE_COOKIES: 'yes',
    });

    const paths = bad.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual([
      'CONTACT_RATE_BURST',
      'CORS_ORIGINS.0',
      'CORS_ORIGINS.1',
      'SECURE_COOKIES',
    ]);
  });
});
