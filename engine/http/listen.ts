/**
 * Puts a fetch handler on a loopback or public socket with WebSockets
 * (@hono/node-server and ws), and pings every live socket now and then,
 * cutting the ones that stopped answering. The server and the API node
 * both listen this way.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Listening {
  server: Server;
  wss: WebSocketServer;
  port: number;
  url: string;
  /** Stops the pings (the caller closes the server). */
  stopHeartbeat(): void;
}

/** Live sockets are pinged this often; one that missed a pong is cut. */
const heartbeatMs = 30_000;

export async function listen(options: {
  /** A Hono app's fetch. */
  fetch: Parameters<typeof createAdaptorServer>[0]['fetch'];
  port: number;
  host: string;
  /** ws closes frames bigger than this with 1009. */
  maxPayload: number;
}): Promise<Listening> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
  const server = createAdaptorServer({
    fetch: options.fetch,
    websocket: { server: wss },
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  const alive = new WeakSet<WebSocket>();
  wss.on('connection', function trackPongs(socket) {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const heartbeat = setInterval(() => pingSockets(wss, alive), heartbeatMs);
  heartbeat.unref();
  return { server, wss, port, url, stopHeartbeat: () => clearInterval(heartbeat) };
}

/** Ends sockets that did not answer the last ping, and pings the rest. */
function pingSockets(wss: WebSocketServer, alive: WeakSet<WebSocket>): void {
  for (const socket of wss.clients) {
    if (!alive.has(socket)) {
      socket.terminate();
      continue;
    }
    alive.delete(socket);
    socket.ping();
  }
}
