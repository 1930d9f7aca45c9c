/**
 * Security headers on every response (hono/secure-headers), pages and API
 * alike: a content security policy that lets a page load only this
 * origin's scripts, styles and images (no inline script, no eval), talk
 * only to this origin and its WebSocket, and never be framed; no MIME
 * sniffing; no referrer; HSTS when served over TLS. API answers are also
 * never cached, since they carry personal data.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './app-env.js';

export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  // ws: and wss: for browsers that do not count the page's own socket as 'self'.
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export interface SecurityHeadersOptions {
  /** Served over TLS: send Strict-Transport-Security. */
  hsts: boolean;
}

export function securityHeaders(options: SecurityHeadersOptions): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    // Over plain HTTP the header is ignored at best; sent only when TLS is promised.
    strictTransportSecurity: options.hsts ? 'max-age=15552000; includeSubDomains' : false,
    // This one policy wins over any a handler set, so it is decided here alone.
    overwrite: true,
  });

  return async function setSecurityHeaders(c, next) {
    await headers(c, next);

    if (c.req.path.startsWith('/api/') && !c.res.headers.has('cache-control')) {
      c.res.headers.set('cache-control', 'no-store');
    }
  };
}
