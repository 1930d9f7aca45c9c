/**
 * `GET /api/ws`: the live event feed. Authenticated like any route (cookie
 * or bearer), or with `?token=` for clients that cannot set headers; the
 * socket then joins the hub, starting from `?since=` or a snapshot.
 */
import { upgradeWebSocket } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { WSContext, WSMessageEvent } from 'hono/ws';
import type { Principal } from '../../auth/principal.js';
import type { Sessions } from '../../auth/sessions.js';
import type { Logger } from '../../logger.js';
import type { AppEnv } from '../app-env.js';
import type { ApiApp } from '../api-app.js';
import { guard } from '../authenticate.js';
import { HttpProblem, invalidInput, problemResponses } from '../problem.js';
import { ClientFrame, LiveQuery } from './live-messages.js';
import type { LiveClient, LiveHub } from './live-hub.js';

export interface LiveRouteDeps {
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
      '{type:"ping"} and {type:"resync",since?}. A client more than 1 MiB behind is closed with 1013.',
    request: { query: LiveQuery },
    responses: {
      101: { description: 'Switching to the WebSocket protocol.' },
      ...problemResponses(400, 401),
    },
  });

  app.get(
    '/api/ws',
    tokenFromQuery(deps.sessions),
    guard('events.subscribe'),
    validateLiveQuery,
    upgradeWebSocket(
      function openLiveSocket(c) {
        const principal = c.get('principal') as Principal; // guard has checked it is there
        const since = LiveQuery.parse(c.req.query()).since ?? null; // validateLiveQuery has checked it
        let client: LiveClient | null = null;

        return {
          onOpen(_event, ws) {
            client = socketClient(principal, ws);
            deps.hub.attach(client, since);
          },
          onMessage(event, _ws) {
            if (client) answerFrame(deps.hub, client, event);
          },
          onClose() {
            if (client) deps.hub.detach(client);
          },
        };
      },
      { onError: (err: unknown) => deps.logger.warn({ err }, 'live socket handler failed') },
    ),
  );
}

/** `?token=` counts only here, where browsers' WebSocket cannot send headers. */
function tokenFromQuery(sessions: Sessions): MiddlewareHandler<AppEnv> {
  return async function authenticateLiveQuery(c, next) {
    const token = c.req.query('token');
    if (!c.get('principal') && token) c.set('principal', sessions.resolve(token));
    await next();
  };
}

const validateLiveQuery: MiddlewareHandler<AppEnv> = async function validateLiveQuery(c, next) {
  const query = LiveQuery.safeParse(c.req.query());
  if (!query.success) throw invalidInput('query', query.error.issues);
  await next();
};

function answerFrame(hub: LiveHub, client: LiveClient, event: WSMessageEvent): void {
  const frame = parseFrame(event.data);
  if (frame instanceof HttpProblem) {
    hub.deliver(client, { kind: 'error', problem: frame.toDocument() });
    return;
  }
  if (frame.type === 'ping') hub.deliver(client, { kind: 'pong', seq: hub.lastSeq });
  else hub.catchUp(client, frame.since ?? null);
}

function parseFrame(data: unknown): ClientFrame | HttpProblem {
  if (typeof data !== 'string') {
    return new HttpProblem(400, 'invalid_input', 'frames are JSON text', [
      { path: 'frame', code: 'invalid_type', message: 'expected a text frame' },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return new HttpProblem(400, 'invalid_input', 'the frame is not valid JSON', [
      { path: 'frame', code: 'invalid_json', message: 'not JSON' },
    ]);
  }
  const parsed = ClientFrame.safeParse(json);
  return parsed.success ? parsed.data : invalidInput('frame', parsed.error.issues);
}

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
