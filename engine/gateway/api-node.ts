/**
 * An API node: a stateless front for a center on Redis. It serves the
 * built pages itself, forwards every other request through the center's
 * `requests` stream to whichever engine holds the lease (which runs it
 * through its own API, as if it had come to its socket) and returns that
 * response unchanged, and tunnels live WebSockets to the engine's hub
 * (node-sockets.ts). Any number of nodes may run behind a load balancer;
 * a node keeps nothing a client needs, so losing one costs its clients a
 * reconnect. While no engine runs (a fail-over), requests wait in the
 * stream for the next one, up to the forward timeout, then get 504.
 */
import { randomUUID } from 'node:crypto';
import { upgradeWebSocket, type HttpBindings } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../logger.js';
import { HttpProblem } from '../http/problem.js';
import { centerKeys } from '../redis/center-keys.js';
import { CommandSender } from '../redis/command-sender.js';
import { CommandTimeoutError } from '../redis/command-stream.js';
import {
  ForwardedResponse,
  forwardRequest,
  responseOf,
  type ForwardedRequest,
} from '../redis/forwarded-request.js';
import { connectRedis, type RedisConnection } from '../redis/redis-connection.js';
import { goingAwayCode } from '../http/live/live-hub.js';
import { listen } from '../http/listen.js';
import { NodeSockets } from './node-sockets.js';

export interface ApiNodeOptions {
  port: number;
  host: string;
  redisUrl: string;
  /** The center's key prefix; default `sb:{main}:`. */
  prefix?: string;
  /** Names this node in Redis; default a random id. */
  nodeId?: string;
  /** How long a request waits for an engine; default 15 s (more than a lease). */
  forwardTimeoutMs?: number;
  /** Largest request body forwarded; the engine applies its own limit too. */
  maxBodyBytes?: number;
  /** Largest live frame accepted from a client. */
  maxFrameBytes?: number;
  logger: Logger;
  /** The built pages (web/serve-static.ts). */
  pages?: MiddlewareHandler;
}

export interface RunningApiNode {
  url: string;
  nodeId: string;
  close(): Promise<void>;
}

/** How long a node's health check waits for the engine's. */
const healthWaitMs = 2_000;

interface NodeEnv {
  Bindings: HttpBindings;
  Variables: { socket: string };
}

export async function startApiNode(options: ApiNodeOptions): Promise<RunningApiNode> {
  const { logger } = options;
  const prefix = options.prefix ?? 'sb:{main}:';
  const nodeId = options.nodeId ?? randomUUID();
  const client = await connectRedis(options.redisUrl, { logger, name: `api-node:${nodeId}` });
  const timeoutMs = options.forwardTimeoutMs ?? 15_000;
  const keys = centerKeys(prefix);
  const sender = await CommandSender.open<ForwardedRequest>({
    client,
    prefix,
    stream: keys.requests,
    senderId: `node-${nodeId}`,
    timeoutMs,
    logger,
  });
  const sockets = new NodeSockets({ client, prefix, nodeId, logger });
  await sockets.start();

  const forward = async (
    c: Context<NodeEnv>,
    tunnel?: ForwardedRequest['tunnel'],
    waitMs = timeoutMs,
  ) => {
    const address = c.env?.incoming?.socket?.remoteAddress ?? null;
    try {
      const forwarded = await forwardRequest(c.req.raw, address, waitMs, tunnel);
      const result = await sender.send(forwarded, waitMs);
      return responseOf(ForwardedResponse.parse(result));
    } catch (err) {
      return unavailable(err, logger).toResponse();
    }
  };

  const app = new Hono<NodeEnv>();
  if (options.pages) app.use(options.pages);
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  app.use(
    bodyLimit({
      maxSize: maxBody,
      onError: () =>
        new HttpProblem(
          413,
          'body_too_large',
          `request bodies are limited to ${maxBody} bytes`,
        ).toResponse(),
    }),
  );
  // A load balancer's check must not wait out the forward timeout while no engine
  // serves: none holds the lease, or a dead one still does, or one is replaying.
  app.get('/healthz', async function nodeHealth(c) {
    const noEngine = new HttpProblem(
      503,
      'no_engine',
      'no engine serves the center now',
      undefined,
      {
        'retry-after': '1',
      },
    );
    const engine = await client.get(keys.lease).catch(() => null);
    if (engine === null) return noEngine.toResponse();
    const answer = await forward(c, undefined, healthWaitMs);
    return answer.status === 504 ? noEngine.toResponse() : answer;
  });
  app.get(
    '/api/ws',
    async function tunnelLiveSocket(c, next) {
      // Anything short of a real upgrade goes to the engine, which explains (426).
      if (!isUpgrade(c)) return forward(c);
      const socket = randomUUID();
      sockets.accepted(socket);
      const response = await forward(c, { node: nodeId, socket });
      if (response.status !== 200) {
        sockets.closed(socket);
        return response;
      }
      c.set('socket', socket);
      await next();
    },
    upgradeWebSocket((c) => {
      const socket = c.get('socket');
      return {
        onOpen: (_event, ws) => sockets.opened(socket, ws),
        onMessage: (event) => sockets.frame(socket, event.data),
        onClose: () => sockets.closed(socket),
      };
    }),
  );
  app.all('*', (c) => forward(c));

  const { server, wss, url, stopHeartbeat } = await listen({
    fetch: app.fetch,
    port: options.port,
    host: options.host,
    maxPayload: options.maxFrameBytes ?? 64 * 1024,
  });
  logger.info({ url, nodeId, redisPrefix: prefix }, 'listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    nodeId,
    close() {
      closing ??= (async () => {
        stopHeartbeat();
        sockets.closeAll(goingAwayCode, 'API node shutting down');
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        await closed;
        await sockets.stop();
        await sender.close();
        await closeQuietly(client);
        logger.info({ nodeId }, 'stopped');
      })();
      return closing;
    },
  };
}

/** Why a forwarded request got no answer, as the client should hear it. */
function unavailable(err: unknown, logger: Logger): HttpProblem {
  if (err instanceof CommandTimeoutError) {
    logger.warn({ request: err.request }, 'no engine answered a forwarded request in time');
    return new HttpProblem(
      504,
      'engine_timeout',
      'no engine answered in time; a change may or may not have been made',
      undefined,
      { 'retry-after': '1' },
    );
  }
  logger.warn({ err: String(err) }, 'forwarding a request failed');
  return new HttpProblem(
    503,
    'engine_unreachable',
    'the engine could not be reached; retry',
    undefined,
    {
      'retry-after': '1',
    },
  );
}

/** What requireUpgrade on the engine accepts; the node must not tunnel less. */
function isUpgrade(c: Context<NodeEnv>): boolean {
  const upgrade = c.req.header('upgrade')?.toLowerCase() === 'websocket';
  const connection = /(^|,)\s*upgrade\s*(,|$)/i.test(c.req.header('connection') ?? '');
  return upgrade && connection && Boolean(c.env?.incoming);
}

async function closeQuietly(client: RedisConnection): Promise<void> {
  await client.close().catch(() => {});
}
