/**
 * Where a request comes from, and whether it came over TLS: from the
 * socket, or from what trusted proxies say in X-Forwarded-For and
 * X-Forwarded-Proto. Untrusted, those headers are the client's own words
 * and are ignored, or anyone could pick a fresh address per request.
 */
import type { Context } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * The client's address; `hops` is how many proxies to believe. Each proxy
 * appends the address it saw, so the entry `hops` from the right is the
 * last one a trusted proxy wrote. For a request an API node forwarded, the
 * node's socket's peer. 'unknown' when there is no socket (a request made
 * in-process).
 */
export function clientAddress(c: Context<AppEnv>, hops: number): string {
  if (hops > 0) {
    const chain = forwarded(c.req.header('x-forwarded-for'));
    const entry = chain[Math.max(0, chain.length - hops)];
    if (entry) return entry;
  }
  return c.env?.forwardedFor ?? c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Whether the client reached us over https (itself, or through a trusted proxy). */
export function cameOverTls(c: Context<AppEnv>, hops: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (hops === 0) return false;
  const chain = forwarded(c.req.header('x-forwarded-proto'));
  return chain[Math.max(0, chain.length - hops)]?.toLowerCase() === 'https';
}

function forwarded(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
