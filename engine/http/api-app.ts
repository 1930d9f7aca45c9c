/**
 * The API's Hono application type and what its routes are given. Route
 * modules register on the one app so that its OpenAPI document lists them.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Sessions } from '../auth/sessions.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './app-env.js';
import type { ViewContext } from './views/view-context.js';

export type ApiApp = OpenAPIHono<AppEnv>;

export interface RouteDeps extends ViewContext {
  sessions: Sessions;
  logger: Logger;
  /** Mark the session cookie Secure (behind TLS). */
  secureCookies: boolean;
}
