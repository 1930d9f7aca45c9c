/**
 * `GET /api/ws`: the live event feed. Authenticated like any route (cookie
 * or bearer), or with `?token=` for clients that cannot set headers; the
 * socket then joins the hub, starting from `?since=` or a snapshot.
 */
import { upgradeWebSocket } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { WSContext } from 'hono/ws';
import type { Principal } from '../../auth/principal.js';
import type { Sessions } from '../../auth/sessions.js';
import type { Logger } from '../../logger.js';
import type { AppEnv } from '../app-env.js';
import type { ApiApp } from '../api-app.js';
import { guard } from '../authenticate.js';
import { HttpProblem, invalidInput, problemResponses } from '../problem.js';
import { LiveQuery } from './live-messages.js';
import type { LiveClient, LiveHub } from './live-hub.js';
import { LiveSocket, type LiveSocketDeps } from './live-socket.js';

export interface LiveRouteDeps extends Omit<LiveSocketDeps, 'sessions'> {
  hub: LiveHub;
  sessions: Sessions;
  logger: Logger;
}

export function registerLiveRoute(app: ApiApp, deps: LiveRouteDeps): void {
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/ws',
    tags: ['live'],
    summary: 'Live domain events over a WebSocket',
    description:
      'Upgrade to a WebSocket. Staff receive every event, agents those about themselves and their ' +
      'contacts, customers those about their own contact. Messages: {kind:"event",event}, ' +
      '{kind:"snapshot",seq,state}, {kind:"pong",seq}, {kind:"error",problem}. Frames a client may send: ' +
      '{type:"ping"} and {type:"resync",since?}. A client more than 1 MiB behind is closed with 1013; ' +
      `one sending frames over ${deps.maxFrameBytes} bytes with 1009, more than ` +
      `${deps.framesPerSecond} a second, or whose session ended, with 1008.`,
    request: { query: LiveQuery },
    responses: {
      101: { description: 'Switching to the WebSocket protocol.' },
      ...problemResponses(400, 401, 403, 426),
    },
  });

  app.get(
    '/api/ws',
    tokenFromQuery(deps.sessions),
    guard('events.subscribe'),
    validateLiveQuery,
    openTunnel(deps),
    requireUpgrade,
    upgradeWebSocket(
      function openLiveSocket(c) {
        const principal = c.get('principal') as Principal; // guard has checked it is there
        const since = LiveQuery.parse(c.req.query()).since ?? null; // validateLiveQuery has checked it
        let socket: LiveSocket | null = null;

        return {
          onOpen(_event, ws) {
            socket = new LiveSocket(deps, socketClient(principal, ws));
            deps.hub.attach(socket.client, since);
          },
          onMessage(event, _ws) {
            socket?.receive(event.data);
          },
          onClose() {
            if (socket) deps.hub.detach(socket.client);
          },
        };
      },
      { onError: (err: unknown) => deps.logger.warn({ err }, 'live socket handler failed') },
    ),
  );
}

/**
 * A socket an API node holds open (see engine/redis/remote-sockets.ts):
 * checked like a direct one above, then joined to the hub here, with its
 * traffic going through Redis. The node upgrades once it hears 200.
 */
function openTunnel(deps: LiveRouteDeps): MiddlewareHandler<AppEnv> {
  return async function openTunnel(c, next) {
    const tunnel = c.env?.tunnel;
    if (!tunnel) return next();
    const principal = c.get('principal') as Principal; // guard has checked it is there
    const since = LiveQuery.parse(c.req.query()).since ?? null; // validateLiveQuery has checked it
    let socket: LiveSocket | null = null;
    const client = tunnel.open(principal, {
      receive: (data) => socket?.receive(data),
      closed: () => deps.hub.detach(client),
    });
    socket = new LiveSocket(deps, client);
    deps.hub.attach(client, since);
    return c.json({ tunnel: 'open' });
  };
}

/** `?token=` counts only here, where browsers' WebSocket cannot send headers. */
function tokenFromQuery(sessions: Sessions): MiddlewareHandler<AppEnv> {
  return async function authenticateLiveQuery(c, next) {
    const token = c.req.query('token');
    if (!c.get('principal') && token) c.set('principal', sessions.resolve(token));
    await next();
  };
}

/**
 * A plain GET, or an Upgrade header on a request Node did not hand over as
 * an upgrade (no `Connection: upgrade`, or no socket at all), cannot become
 * a WebSocket: 426 rather than letting the upgrade helper fail with a 500.
 */
const requireUpgrade: MiddlewareHandler<AppEnv> = async function requireUpgrade(c, next) {
  const upgrade = c.req.header('upgrade')?.toLowerCase() === 'websocket';
  const connection = /(^|,)\s*upgrade\s*(,|$)/i.test(c.req.header('connection') ?? '');
  if (!upgrade || !connection || !c.env?.incoming) {
    throw new HttpProblem(426, 'upgrade_required', 'open this as a WebSocket', undefined, {
      upgrade: 'websocket',
    });
  }
  await next();
};

const validateLiveQuery: MiddlewareHandler<AppEnv> = async function validateLiveQuery(c, next) {
  const query = LiveQuery.safeParse(c.req.query());
  if (!query.success) throw invalidInput('query', query.error.issues);
  await next();
};

function socketClient(principal: Principal, ws: WSContext<unknown>): LiveClient {
  // node-server hands over a `ws` WebSocket as `raw`; its type there omits
  // bufferedAmount, which the real object has.
  const raw = ws.raw as { bufferedAmount?: number } | undefined;
  return {
    principal,
    send: (text) => ws.send(text),
    bufferedAmount: () => raw?.bufferedAmount ?? 0,
    close: (code, reason) => ws.close(code, reason),
  };
}
