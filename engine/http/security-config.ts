/**
 * The limits and switches of the HTTP edge, with their defaults, and how
 * run-server.ts reads them from the environment. Every limit is here so
 * that an operator finds them in one place.
 */
import { z } from 'zod';

export interface SecurityConfig {
  /**
   * How many proxies in front of the server to believe: their
   * X-Forwarded-For names the client, X-Forwarded-Proto the scheme. 0 (the
   * default) believes none and uses the socket's address. `TRUST_PROXY`.
   */
  trustProxyHops: number;
  /**
   * Served over TLS: cookies are marked Secure and HSTS is sent. A request
   * seen as https gets a Secure cookie either way. `SECURE_COOKIES=1`.
   */
  secureCookies: boolean;
  /**
   * Origins whose scripts may call the API with a bearer token (CORS).
   * Empty (the default) turns CORS off. `CORS_ORIGINS`, comma-separated.
   */
  corsOrigins: string[];
  /** Request bodies above this are refused with 413 before parsing. `MAX_BODY_BYTES`. */
  maxBodyBytes: number;
  /** JSON nested deeper than this is refused with 400 before parsing. */
  maxJsonDepth: number;
  /** Contacts one client address may open per minute, sustained. `CONTACT_RATE_PER_MIN`. */
  contactsPerMinute: number;
  /** How many it may open at once before that rate applies. `CONTACT_RATE_BURST`. */
  contactBurst: number;
  /** Failed sign-ins for one username before it waits. `LOGIN_MAX_FAILURES`. */
  loginMaxFailures: number;
  /** Failed sign-ins from one address before it waits. `LOGIN_MAX_FAILURES_PER_ADDRESS`. */
  loginMaxFailuresPerAddress: number;
  /** The first wait after too many failures; it doubles with each further one. */
  loginBaseLockMs: number;
  loginMaxLockMs: number;
  /** Bytes in one WebSocket frame from a client. `WS_MAX_FRAME_BYTES`. */
  liveMaxFrameBytes: number;
  /** Frames a client may send per second (with as many in a burst). `WS_FRAMES_PER_SEC`. */
  liveFramesPerSecond: number;
}

export const defaultSecurity: SecurityConfig = {
  trustProxyHops: 0,
  secureCookies: false,
  corsOrigins: [],
  maxBodyBytes: 64 * 1024,
  maxJsonDepth: 20,
  // Generous enough for an office behind one NAT address; a script
  // opening contacts in a loop is stopped within seconds.
  contactsPerMinute: 30,
  contactBurst: 30,
  loginMaxFailures: 5,
  loginMaxFailuresPerAddress: 20,
  loginBaseLockMs: 30_000,
  loginMaxLockMs: 15 * 60_000,
  liveMaxFrameBytes: 16 * 1024,
  liveFramesPerSecond: 20,
};

const flag = z
  .enum(['', '0', '1', 'false', 'true'])
  .default('0')
  .transform((v) => v === '1' || v === 'true');

const Origin = z.string().regex(/^https?:\/\/[^/\s]+$/, 'an origin: scheme://host[:port]');
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The environment variables above; unset ones take the defaults. */
export const SecurityEnv = z
  .object({
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    SECURE_COOKIES: flag,
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(Origin)),
    MAX_BODY_BYTES: count(defaultSecurity.maxBodyBytes),
    CONTACT_RATE_PER_MIN: count(defaultSecurity.contactsPerMinute),
    CONTACT_RATE_BURST: count(defaultSecurity.contactBurst),
    LOGIN_MAX_FAILURES: count(defaultSecurity.loginMaxFailures),
    LOGIN_MAX_FAILURES_PER_ADDRESS: count(defaultSecurity.loginMaxFailuresPerAddress),
    WS_MAX_FRAME_BYTES: count(defaultSecurity.liveMaxFrameBytes),
    WS_FRAMES_PER_SEC: count(defaultSecurity.liveFramesPerSecond),
  })
  .transform((env): SecurityConfig => ({
    ...defaultSecurity,
    trustProxyHops: env.TRUST_PROXY,
    secureCookies: env.SECURE_COOKIES,
    corsOrigins: env.CORS_ORIGINS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    contactsPerMinute: env.CONTACT_RATE_PER_MIN,
    contactBurst: env.CONTACT_RATE_BURST,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginMaxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
    liveMaxFrameBytes: env.WS_MAX_FRAME_BYTES,
    liveFramesPerSecond: env.WS_FRAMES_PER_SEC,
  }));
