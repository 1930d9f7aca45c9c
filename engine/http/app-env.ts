/**
 * The Hono environment of the API: what the Node server binds (its request,
 * for the socket's address), what the engine binds for a request an API
 * node forwarded through Redis, and what middleware puts on the context for
 * the routes after it.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Principal } from '../auth/principal.js';
import type { LiveClient } from './live/live-hub.js';

/** A live socket held open by an API node, whose traffic comes through Redis. */
export interface TunnelBinding {
  /**
   * Binds the node's socket to this engine as a client of the hub: what
   * the hub sends it goes back through Redis; `receive` gets its frames
   * and `closed` runs when the node reports it gone.
   */
  open(principal: Principal, on: { receive(data: string | Buffer): void; closed(): void }): LiveClient;
}

export interface AppBindings extends Partial<HttpBindings> {
  /** A forwarded request: the client's address as the API node saw it. */
  forwardedFor?: string;
  /** A forwarded request that opens a live socket on an API node. */
  tunnel?: TunnelBinding;
}

export interface AppVariables {
  /** From `X-Request-Id` when the caller sent a sane one, else generated. */
  requestId: string;
  /** Null for callers who presented no valid token. */
  principal: Principal | null;
}

export interface AppEnv {
  /** `incoming` is absent when a test calls the app in-process or a node forwarded the request. */
  Bindings: AppBindings;
  Variables: AppVariables;
}
