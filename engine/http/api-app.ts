/**
 * The API's Hono application type and what its routes are given. Route
 * modules register on the one app so that its OpenAPI document lists them.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { PasswordHasher } from '../auth/password-hasher.js';
import type { Sessions } from '../auth/sessions.js';
import type { Logger } from '../logger.js';
import type { AdminStore, Store, WithConversations } from '../store/store.js';
import type { AppEnv } from './app-env.js';
import type { AuditRecorder } from './audit-trail.js';
import type { LiveHub } from './live/live-hub.js';
import type { SecurityConfig } from './security-config.js';
import type { ViewContext } from './views/view-context.js';

export type ApiApp = OpenAPIHono<AppEnv>;

export interface RouteDeps extends ViewContext {
  store: Store & AdminStore & WithConversations;
  sessions: Sessions;
  hasher: PasswordHasher;
  logger: Logger;
  security: SecurityConfig;
  /** Live sockets, closed when the sessions behind them end. */
  hub: LiveHub;
  throttle: LoginThrottle;
  audit: AuditRecorder;
  /** The caller's address, as `security.trustProxyHops` allows. */
  clientAddress: (c: Context<AppEnv>) => string;
}
