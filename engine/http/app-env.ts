/**
 * The Hono environment of the API: what the Node server binds (its request,
 * for the socket's address) and what middleware puts on the context for
 * the routes after it.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Principal } from '../auth/principal.js';

export interface AppVariables {
  /** From `X-Request-Id` when the caller sent a sane one, else generated. */
  requestId: string;
  /** Null for callers who presented no valid token. */
  principal: Principal | null;
}

export interface AppEnv {
  /** Absent when a test calls the app in-process. */
  Bindings: Partial<HttpBindings>;
  Variables: AppVariables;
}
