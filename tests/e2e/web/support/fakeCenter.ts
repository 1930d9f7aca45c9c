/**
 * A stand-in API for load tests of the dashboard: it serves the built
 * pages and the supervisor's reads (`/api/agents`, `/api/queues`, …) from
 * generated data, and lets the test push any events it likes down the
 * WebSocket. The real engine is not involved: what is measured is the
 * browser's side (socket, store, React).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocketServer, type WebSocket } from 'ws';
import { webPages } from '../../../../web/serve-static.js';

/** Plain JSON shapes of the API, as much of them as the dashboard reads. */
export type Json = Record<string, unknown>;

export interface FakeData {
  agents: Json[];
  queues: Json[];
  queueContacts: Record<string, Json[]>;
  realtime: Json;
}

export interface FakeCenter {
  url: string;
  /** Sends each event as its own frame to every connected socket. */
  burst(events: Json[]): number;
  connections(): number;
  stop(): Promise<void>;
}

const supervisor = {
  id: 'u1',
  username: 'load',
  displayName: 'Load Test',
  role: 'supervisor',
  agentId: null,
};

export async function startFakeCenter(pagesRoot: string, data: FakeData): Promise<FakeCenter> {
  const app = new Hono();
  app.post('/api/login', (c) =>
    c.json({ token: 'x'.repeat(40), expiresAt: Date.now() + 3_600_000, user: supervisor }),
  );
  app.post('/api/logout', (c) => c.body(null, 204));
  app.get('/api/session', (c) => c.json({ kind: 'user', user: supervisor, contactId: null }));
  app.get('/api/agents', (c) => c.json(data.agents));
  app.get('/api/queues', (c) => c.json(data.queues));
  app.get('/api/queues/:id/contacts', (c) => c.json(data.queueContacts[c.req.param('id')] ?? []));
  app.get('/api/stats/realtime', (c) => c.json(data.realtime));
  app.get('/api/stats/intervals', (c) => c.json({ rows: [] }));
  app.use(webPages({ root: pagesRoot }));

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/api/ws')) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.send(JSON.stringify({ kind: 'snapshot', seq: 0, state: {} }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    burst(events) {
      for (const ws of sockets)
        for (const event of events) ws.send(JSON.stringify({ kind: 'event', event }));
      return sockets.size;
    },
    connections: () => sockets.size,
    async stop() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
