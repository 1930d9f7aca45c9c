/**
 * The throughput and latency baseline: a separate Hono app with one JSON
 * route (`POST /api/contacts`, parse the body, answer 201 with a small
 * JSON document), served by @hono/node-server in the same process as the
 * real server, on its own port.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

export function startBareHono(): Promise<BareServer> {
  const app = new Hono();
  let created = 0;
  app.post('/api/contacts', async function createBareContact(c) {
    const body = await c.req.json<{ channel?: unknown }>();
    created += 1;
    return c.json({ contactId: `bare_${created}`, channel: body.channel ?? null }, 201);
  });

  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
