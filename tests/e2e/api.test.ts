/**
 * The real server on a free port: HTTP through fetch, live events through
 * WebSocket clients, the demo data a first start seeds, the process entry
 * point's start and graceful stop, and the limits only a real socket shows.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { argon2Hasher, testCost } from '../../engine/auth/password-hasher.js';
import { demoPasswords } from '../../engine/demo-config.js';
import { startServer, type RunningServer } from '../../engine/http/start-server.js';
import { silentLogger } from '../../engine/logger.js';
import { webPages } from '../../web/serve-static.js';

// any: messages are JSON whose shape each test asserts.
type Message = any;

/** A WebSocket client that keeps every message and can wait for one. */
class LiveClient {
  readonly messages: Message[] = [];
  readonly socket: WebSocket;
  private waiters: (() => void)[] = [];

  constructor(url: string, headers: Record<string, string> = {}) {
    this.socket = new WebSocket(url, { headers });
    this.socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }

  closed(): Promise<number> {
    return new Promise((resolve) => this.socket.once('close', (code) => resolve(code)));
  }

  async waitFor(test: (m: Message) => boolean, what: string, timeoutMs = 5_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  eventsOf(contactId: string): string[] {
    return this.messages
      .filter((m) => m.kind === 'event' && m.event.contactId === contactId)
      .map((m) => m.event.type);
  }

  close(): void {
    this.socket.close();
  }
}

describe('the API server', () => {
  let dir: string;
  let server: RunningServer;
  let wsUrl: string;

  async function call(method: string, path: string, token?: string, body?: unknown) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }

  async function login(username: string, password: string) {
    const res = await call('POST', '/api/login', undefined, { username, password });
    return {
      token: res.body.token as string,
      cookie: res.headers.get('set-cookie')!.split(';')[0]!,
    };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      logger: silentLogger,
      hasher: argon2Hasher(testCost),
    });
    wsUrl = server.url.replace('http', 'ws') + '/api/ws';
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries a contact from customer to agent to wrap-up, live on the supervisor feed in order', async () => {
    const agent = await login('agent1', demoPasswords.agent);
    const sup = await login('supervisor1', demoPasswords.supervisor);
    const supFeed = new LiveClient(wsUrl, { cookie: sup.cookie });
    const agentFeed = new LiveClient(`${wsUrl}?token=${agent.token}`);
    await Promise.all([supFeed.opened(), agentFeed.opened()]);
    await supFeed.waitFor((m) => m.kind === 'snapshot', 'supervisor snapshot');
    await call('POST', '/api/agent/login', agent.token);
    await call('POST', '/api/agent/ready', agent.token);

    const created = await call('POST', '/api/contacts', undefined, {
      channel: 'chat',
      queueId: 'billing',
      language: 'en',
      customer: { name: 'Ema', email: 'ema@example.com' },
    });
    const { contactId, token: customerToken } = created.body;
    const customerFeed = new LiveClient(`${wsUrl}?token=${customerToken}`);
    await customerFeed.opened();
    const offer = await agentFeed.waitFor((m) => m.event?.type === 'contact.offered', 'offer');
    const accepted = await call('POST', `/api/agent/contacts/${contactId}/accept`, agent.token);
    await call('POST', `/api/agent/contacts/${contactId}/end`, agent.token);
    const wrapped = await call('POST', `/api/agent/contacts/${contactId}/wrap-up`, agent.token, {
      disposition: 'paid',
    });
    await supFeed.waitFor(
      (m) => m.event?.type === 'contact.closed' && m.event.contactId === contactId,
      'closed',
    );
    await customerFeed.waitFor((m) => m.event?.type === 'contact.closed', 'customer closed');

    expect(created.status).toBe(201);
    expect(offer.event).toMatchObject({ contactId, agentId: 'a1' });
    expect([accepted.status, wrapped.status, wrapped.body.state]).toEqual([200, 200, 'ready']);
    expect(supFeed.eventsOf(contactId)).toEqual([
      'contact.created',
      'contact.queued',
      'contact.offered',
      'contact.offer_ended',
      'contact.connected',
      'contact.ended',
      'contact.closed',
    ]);
    expect(customerFeed.messages[0]).toMatchObject({
      kind: 'snapshot',
      state: { contact: { contactId, agentId: null } },
    });
    expect(customerFeed.eventsOf(contactId)).toEqual([
      'contact.offer_ended',
      'contact.connected',
      'contact.ended',
      'contact.closed',
    ]);
    expect(server.store.getContact(contactId)).toMatchObject({
      outcome: 'completed',
      disposition: 'paid',
    });
    const seqs = supFeed.messages.filter((m) => m.kind === 'event').map((m) => m.event.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    for (const feed of [supFeed, agentFeed, customerFeed]) feed.close();
  });

  it('offers one of two simultaneous contacts to the one ready agent and queues the other', async () => {
    const body = { channel: 'voice', queueId: 'sales', customer: { name: 'Twin' } };
    const agent = await login('agent3', demoPasswords.agent);
    await call('POST', '/api/agent/login', agent.token);
    await call('POST', '/api/agent/ready', agent.token);

    const pair = await Promise.all([
      call('POST', '/api/contacts', undefined, body),
      call('POST', '/api/contacts', undefined, body),
    ]);

    expect(pair.map((r) => r.body.state).sort()).toEqual(['offered', 'queued']);
    expect(server.center.agentStatus('a3').offers).toHaveLength(1);
  });

  it('resumes a feed after the last seq seen, and answers pings and bad frames', async () => {
    const sup = await login('supervisor2', demoPasswords.supervisor);
    const since = server.api.hub.lastSeq;
    await call('POST', '/api/agent/login', (await login('agent2', demoPasswords.agent)).token);

    const feed = new LiveClient(`${wsUrl}?since=${since}`, {
      authorization: `Bearer ${sup.token}`,
    });
    await feed.opened();
    const replayed = await feed.waitFor((m) => m.event?.type === 'agent.state', 'replayed event');
    feed.socket.send(JSON.stringify({ type: 'ping' }));
    feed.socket.send(JSON.stringify({ type: 'shout', volume: 11 }));
    const pong = await feed.waitFor((m) => m.kind === 'pong', 'pong');
    const error = await feed.waitFor((m) => m.kind === 'error', 'error');

    expect(replayed.event).toMatchObject({ agentId: 'a2', state: 'notReady' });
    expect(feed.messages.some((m) => m.kind === 'snapshot')).toBe(false);
    expect(pong.seq).toBe(server.api.hub.lastSeq);
    expect(error.problem).toMatchObject({
      status: 400,
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'frame.type' })],
    });
    feed.close();
  });

  it('refuses a WebSocket without credentials with 401', async () => {
    const feed = new LiveClient(wsUrl);

    const status = await new Promise<number>((resolve) =>
      feed.socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );

    expect(status).toBe(401);
  });

  it('closes live sockets with 1001 and stops on close()', async () => {
    const sup = await login('admin', demoPasswords.admin);
    const feed = new LiveClient(`${wsUrl}?token=${sup.token}`);
    await feed.opened();

    const code = feed.closed();
    await server.close();

    expect(await code).toBe(1001);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});

describe('the server on a real socket, against abuse', () => {
  let dir: string;
  let server: RunningServer;
  let wsUrl: string;

  async function token(username: string, password: string): Promise<string> {
    const res = await fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return ((await res.json()) as { token: string }).token;
  }

  /** Resolves with the close code, or the HTTP status of a refused handshake. */
  function ended(socket: WebSocket): Promise<{ closed?: number; status?: number }> {
    return new Promise((resolve) => {
      socket.once('close', (code) => resolve({ closed: code }));
      socket.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-abuse-'));
    // Built pages stand-in: the server answers page paths with this index.html.
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Switchboard</title>');
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: join(dir, 'data'),
      logger: silentLogger,
      hasher: argon2Hasher(testCost),
      pages: webPages({ root: dir }),
      security: { contactBurst: 1, contactsPerMinute: 1 },
    });
    wsUrl = server.url.replace('http', 'ws') + '/api/ws';
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('closes a socket that sends more than 20 frames a second with 1008', async () => {
    const socket = new WebSocket(
      `${wsUrl}?token=${await token('supervisor1', demoPasswords.supervisor)}`,
    );
    await new Promise((resolve) => socket.once('open', resolve));
    const end = ended(socket);

    for (let i = 0; i < 25; i++) socket.send(JSON.stringify({ type: 'ping' }));

    expect(await end).toEqual({ closed: 1008 });
  });

  it('closes a socket that sends a frame over 16 KiB with 1009', async () => {
    const socket = new WebSocket(
      `${wsUrl}?token=${await token('supervisor1', demoPasswords.supervisor)}`,
    );
    await new Promise((resolve) => socket.once('open', resolve));
    const end = ended(socket);

    socket.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(17 * 1024) }));

    expect(await end).toEqual({ closed: 1009 });
  });

  it('closes a live socket when its session signs out', async () => {
    const agent = await token('agent5', demoPasswords.agent);
    const socket = new WebSocket(`${wsUrl}?token=${agent}`);
    await new Promise((resolve) => socket.once('open', resolve));
    const end = ended(socket);

    await fetch(`${server.url}/api/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent}` },
    });

    expect(await end).toEqual({ closed: 1008 });
  });

  it('refuses a WebSocket handshake that carries the cookie from another site', async () => {
    const cookie = `sb_session=${await token('supervisor2', demoPasswords.supervisor)}`;
    const socket = new WebSocket(wsUrl, { headers: { cookie, origin: 'https://evil.example' } });

    expect(await ended(socket)).toEqual({ status: 403 });
  });

  it('answers 426, not a 5xx, to an Upgrade header on a request that is not an upgrade', async () => {
    const sup = await token('supervisor1', demoPasswords.supervisor);

    // fetch refuses to send an Upgrade header; node:http does not.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/ws`, {
        headers: { authorization: `Bearer ${sup}`, upgrade: 'websocket', connection: 'keep-alive' },
      });
      req.once('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      req.end();
    });

    expect(status).toBe(426);
  });

  it('limits new contacts by the socket address, whatever X-Forwarded-For claims', async () => {
    const open = (claimed: string) =>
      fetch(`${server.url}/api/contacts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': claimed },
        body: JSON.stringify({ channel: 'chat', queueId: 'billing', customer: { name: 'Ivy' } }),
      });

    const first = await open('198.51.100.1');
    const second = await open('198.51.100.2');

    expect([first.status, second.status]).toEqual([201, 429]);
    expect(second.headers.get('retry-after')).toBe('60');
  });

  it("serves the pages with the API's content security policy", async () => {
    const res = await fetch(`${server.url}/agent`);

    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self' ws: wss:");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('starting and restarting', () => {
  it('seeds the demo center once, and a restart keeps it without seeding again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-first-'));
    const options = {
      port: 0,
      host: '127.0.0.1',
      dataDir: join(dir, 'data'),
      logger: silentLogger,
      hasher: argon2Hasher(testCost),
    };

    const first = await startServer(options);
    const logins = first.demoLogins;
    await first.close();
    const second = await startServer(options);
    const res = await fetch(`${second.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent10', password: demoPasswords.agent }),
    });
    await second.close();
    rmSync(dir, { recursive: true, force: true });

    expect(logins?.map((l) => l.role)).toEqual([
      ...Array(10).fill('agent'),
      'supervisor',
      'supervisor',
      'admin',
    ]);
    expect(second.demoLogins).toBeNull();
    expect(res.status).toBe(200);
    expect(second.center.configuration.agents.filter((a) => a.capacity === 3)).toHaveLength(2);
  });

  it('brings waiting contacts and their customer tokens back after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-restart-'));
    const options = {
      port: 0,
      host: '127.0.0.1',
      dataDir: dir,
      logger: silentLogger,
      hasher: argon2Hasher(testCost),
    };
    const first = await startServer(options);
    const created = await fetch(`${first.url}/api/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'voice', queueId: 'support', customer: { name: 'Kai' } }),
    });
    const { contactId, token } = (await created.json()) as { contactId: string; token: string };
    await first.close();

    const second = await startServer(options);
    const res = await fetch(`${second.url}/api/contacts/${contactId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { state: string; position: number; queueId: string };
    await second.close();
    rmSync(dir, { recursive: true, force: true });

    expect(res.status).toBe(200);
    expect(body).toMatchObject({ state: 'queued', position: 0, queueId: 'support' });
  });

  it('runs as `npm start` does: prints the logins, serves, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-proc-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'engine/server.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );

    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${out}`)), 15_000);
      child.stdout.on('data', () => {
        const found = out.match(/running at (http:\/\/\S+)/)?.[1];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
    const health = await fetch(`${url}/healthz`);
    child.kill('SIGTERM');
    const code = await exited;
    rmSync(dir, { recursive: true, force: true });

    expect(health.status).toBe(200);
    expect(out).toContain(`supervisor1  ${demoPasswords.supervisor}`);
    expect(code).toBe(0);
  });
});

describe('the server between commands', () => {
  let dir: string;
  let server: RunningServer;
  let wallMs = Date.UTC(2026, 11, 3, 9);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-idle-'));
    server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: join(dir, 'data'),
      logger: silentLogger,
      hasher: argon2Hasher(testCost),
      wallNow: () => wallMs,
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = (password: string) =>
    fetch(`${server.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor2', password }),
    });

  it('tells the time of the wall, and ends a sign-in lock with no command in between', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('wrong')).status).toBe(401);
    expect((await signIn(demoPasswords.supervisor)).status).toBe(429);

    // Nothing happens in the center for 40 s: its engine runs no command.
    wallMs += 40_000;

    expect(((await (await fetch(`${server.url}/healthz`)).json()) as { time: number }).time).toBe(
      wallMs,
    );
    expect((await signIn(demoPasswords.supervisor)).status).toBe(200);
  });

  it('counts the longest wait up to now, not up to the last command', async () => {
    const token = ((await (await signIn(demoPasswords.supervisor)).json()) as { token: string })
      .token;
    const created = await fetch(`${server.url}/api/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'chat', topic: 'billing', customer: { name: 'Ida' } }),
    });
    expect(created.status).toBe(201);

    wallMs += 30_000;

    const res = await fetch(`${server.url}/api/stats/realtime`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { at: number; center: { longestWaitMs: number } };
    expect(body.at).toBe(wallMs);
    expect(body.center.longestWaitMs).toBe(30_000);
  });
});
