/**
 * An API node in front of an engine, both in this process on the shared
 * Redis: responses come back as the engine gave them (status, problem
 * body, Set-Cookie), a changing request sent twice runs once, requests
 * sent while no engine runs wait for one (or get 504), and a live socket
 * tunnelled through the node gets its snapshot, its events and its pongs,
 * and is closed with 1012 when another engine takes the center.
 */
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { argon2Hasher, testCost } from '../../engine/auth/password-hasher.js';
import { demoPasswords } from '../../engine/demo-config.js';
import { startApiNode, type RunningApiNode } from '../../engine/gateway/api-node.js';
import { NodeSockets } from '../../engine/gateway/node-sockets.js';
import { startServer, type RunningServer } from '../../engine/http/start-server.js';
import { silentLogger } from '../../engine/logger.js';
import { centerKeys } from '../../engine/redis/center-keys.js';
import { CommandSender } from '../../engine/redis/command-sender.js';
import { ForwardedResponse, type ForwardedRequest } from '../../engine/redis/forwarded-request.js';
import { connectRedis, type RedisConnection } from '../../engine/redis/redis-connection.js';
import { call, login } from '../e2e/server-process.js';
import {
  deleteKeys,
  eventually,
  redisAnswers,
  redisUrl,
  suiteTitle,
  uniquePrefix,
} from './redis-test-kit.js';

const reachable = await redisAnswers();
const hasher = argon2Hasher(testCost);
const customer = { name: 'Ada' };

describe.skipIf(!reachable)(suiteTitle('an API node', reachable), () => {
  const prefix = uniquePrefix();
  let client: RedisConnection;
  let engine: RunningServer | null = null;
  let node: RunningApiNode;
  /** A changing request the first engine answered, read again by the next one. */
  let answeredTwice: Record<string, string> = {};

  const startEngine = () =>
    startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: '/nonexistent',
      logger: silentLogger,
      hasher,
      redis: { url: redisUrl, prefix, engineId: 'engine-under-test', leaseMs: 2_000 },
    });

  beforeAll(async () => {
    client = await connectRedis(redisUrl);
    engine = await startEngine();
    node = await startApiNode({
      port: 0,
      host: '127.0.0.1',
      redisUrl,
      prefix,
      logger: silentLogger,
      forwardTimeoutMs: 5_000,
    });
  });
  afterAll(async () => {
    await node?.close();
    await engine?.close();
    await deleteKeys(client, prefix);
    await client.close();
  });

  it('answers as the engine does: bodies, problems with their zod paths, cookies', async () => {
    const bad = await call(node.url, 'POST', '/api/contacts', undefined, { channel: 'chat' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_input');
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toContain('body.customer');

    const res = await fetch(`${node.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: node.url },
      body: JSON.stringify({ username: 'supervisor1', password: demoPasswords.supervisor }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => /HttpOnly/i.test(c))).toBe(true);
    const token = ((await res.json()) as { token: string }).token;
    const me = await call(node.url, 'GET', '/api/session', token);
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('supervisor1');

    const direct = await call(engine!.url, 'GET', '/api/session', token);
    expect(direct.body).toEqual(me.body);
  });

  it('runs a changing request once, even when its entry reaches the engine twice', async () => {
    const keys = centerKeys(prefix);
    const before = [...engine!.center.liveContacts()].length;
    const request: ForwardedRequest = {
      type: 'http',
      method: 'POST',
      url: `${node.url}/api/contacts`,
      headers: [['content-type', 'application/json']],
      body: Buffer.from(JSON.stringify({ channel: 'chat', topic: 'billing', customer })).toString(
        'base64',
      ),
      address: '203.0.113.7',
      timeoutMs: 5_000,
    };
    // The same entry twice, under one request id, as a retried XADD would leave it.
    const fields = (answeredTwice = {
      request: randomUUID(),
      replyTo: `test-${randomUUID()}`,
      sentAt: String(Date.now()),
      command: JSON.stringify(request),
    });
    await client.xAdd(keys.requests, '*', fields);
    await client.xAdd(keys.requests, '*', fields);

    const replies = keys.replies(fields.replyTo);
    await eventually(() => [...engine!.center.liveContacts()].length > before, 5_000, 'a contact');
    await new Promise((r) => setTimeout(r, 300));
    expect([...engine!.center.liveContacts()].length).toBe(before + 1);
    const answers = (await client.lRange(replies, 0, -1)).map(
      (r) => JSON.parse(String(r)) as { result: { status: number } },
    );
    expect(answers.map((a) => a.result.status)).toEqual([201]);
    // Answered requests leave the stream: bodies and tokens do not linger in Redis.
    expect(await client.xLen(keys.requests)).toBe(0);
  });

  it('tunnels a live socket: snapshot, events in order, pong', async () => {
    const token = await login(node.url, 'supervisor1', demoPasswords.supervisor);
    const seen: {
      kind: string;
      seq?: number;
      event?: { type: string; seq: number; contactId?: string };
    }[] = [];
    const ws = new WebSocket(`${node.url.replace('http', 'ws')}/api/ws?token=${token}`);
    ws.on('message', (data) => seen.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    await eventually(() => seen.some((m) => m.kind === 'snapshot'), 5_000, 'a snapshot');

    const created = await call(node.url, 'POST', '/api/contacts', undefined, {
      channel: 'chat',
      topic: 'billing',
      customer,
    });
    expect(created.status).toBe(201);
    const id = created.body.contactId as string;
    await eventually(
      () => seen.some((m) => m.event?.type === 'contact.queued' && m.event.contactId === id),
      5_000,
      'the queued event',
    );
    const seqs = seen.filter((m) => m.kind === 'event').map((m) => m.event!.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    ws.send(JSON.stringify({ type: 'ping' }));
    await eventually(() => seen.some((m) => m.kind === 'pong'), 5_000, 'a pong');
    ws.close();
  });

  it('refuses a live socket without a session with the engine’s 401', async () => {
    const ws = new WebSocket(`${node.url.replace('http', 'ws')}/api/ws`);
    const status = await new Promise<number>((resolve) =>
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(401);
  });

  it('answers what it cannot forward at once: an unrunnable method, a half upgrade', async () => {
    const sender = await CommandSender.open<ForwardedRequest>({
      client,
      prefix,
      stream: centerKeys(prefix).requests,
      timeoutMs: 5_000,
    });
    const trace: ForwardedRequest = {
      type: 'http',
      method: 'TRACE',
      url: `${node.url}/api/queues`,
      headers: [],
      body: null,
      address: null,
      timeoutMs: 5_000,
    };
    const answered = ForwardedResponse.parse(await sender.send(trace));
    expect(answered.status).toBe(400);
    await sender.close();

    const token = await login(node.url, 'supervisor1', demoPasswords.supervisor);
    // Upgrade without Connection: upgrade; fetch will not send that, node:http will.
    const half = await new Promise<number>((resolve, reject) => {
      get(`${node.url}/api/ws?token=${token}`, { headers: { upgrade: 'websocket' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).once('error', reject);
    });
    expect(half).toBe(426);
  });

  it('sends binary frames on as binary, so the engine refuses them as it does its own', async () => {
    const token = await login(node.url, 'supervisor1', demoPasswords.supervisor);
    const ws = new WebSocket(`${node.url.replace('http', 'ws')}/api/ws?token=${token}`);
    const seen: { kind: string; problem?: { status: number } }[] = [];
    ws.on('message', (data) => seen.push(JSON.parse(String(data))));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(Buffer.from(JSON.stringify({ type: 'ping' })), { binary: true });
    await eventually(() => seen.some((m) => m.kind === 'error'), 5_000, 'an error');
    expect(seen.some((m) => m.kind === 'pong')).toBe(false);
    expect(seen.find((m) => m.kind === 'error')?.problem?.status).toBe(400);
    ws.close();
  });

  it('holds requests while no engine runs, for the next engine to answer', async () => {
    const token = await login(node.url, 'supervisor1', demoPasswords.supervisor);
    const ws = new WebSocket(`${node.url.replace('http', 'ws')}/api/ws?token=${token}`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('message', resolve));

    await engine!.close();
    engine = null;
    // The engine said goodbye to the socket through the node.
    expect(await closed).toBe(1001);
    const health = await call(node.url, 'GET', '/healthz');
    expect([health.status, health.body.code]).toEqual([503, 'no_engine']);

    // A request its node gave up on is not run by the next engine.
    const sender = await CommandSender.open<ForwardedRequest>({
      client,
      prefix,
      stream: centerKeys(prefix).requests,
      timeoutMs: 1_200,
    });
    const lateBody = { channel: 'chat', topic: 'billing', customer: { name: 'Too late' } };
    const late = sender
      .send({
        type: 'http',
        method: 'POST',
        url: `${node.url}/api/contacts`,
        headers: [['content-type', 'application/json']],
        body: Buffer.from(JSON.stringify(lateBody)).toString('base64'),
        address: null,
        timeoutMs: 1_200,
      })
      .catch((err: unknown) => err);
    expect(await late).toBeInstanceOf(Error);
    await sender.close();

    const waiting = call(node.url, 'POST', '/api/contacts', undefined, {
      channel: 'chat',
      topic: 'billing',
      customer,
    });
    await new Promise((r) => setTimeout(r, 500));
    engine = await startEngine();
    const answered = await waiting;
    expect(answered.status).toBe(201);
    expect(engine.center.contact(answered.body.contactId)).not.toBeNull();
    const names = [...engine.center.liveContacts()].map(
      (c) => engine!.store.getCustomer(c.record.customerId ?? '')?.name,
    );
    expect(names).not.toContain('Too late');

    // The earlier request read again by this engine: not run again, but answered again, as stored.
    const before = [...engine.center.liveContacts()].length;
    await client.xAdd(centerKeys(prefix).requests, '*', answeredTwice);
    const replies = centerKeys(prefix).replies(answeredTwice.replyTo!);
    let answers: { result: { status: number } }[] = [];
    const deadline = Date.now() + 5_000;
    while (answers.length < 2 && Date.now() < deadline) {
      answers = (await client.lRange(replies, 0, -1)).map((r) => JSON.parse(String(r)));
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(answers.map((a) => a.result.status)).toEqual([201, 201]);
    expect([...engine.center.liveContacts()].length).toBe(before);
  });

  it('closes live sockets with 1012 when another engine takes the center', async () => {
    const token = await login(node.url, 'supervisor1', demoPasswords.supervisor);
    const ws = new WebSocket(`${node.url.replace('http', 'ws')}/api/ws?token=${token}`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await new Promise((resolve) => ws.once('message', resolve));
    // What a standby does when it takes the lease: the running engine is fenced off.
    await client.incr(centerKeys(prefix).fence);
    expect(await closed).toBe(1012);
  });

  it('refuses a second running node under the same NODE_ID', async () => {
    const same = uniquePrefix();
    const first = new NodeSockets({
      client,
      prefix: same,
      nodeId: 'n1',
      logger: silentLogger,
      aliveMs: 300,
      watchMs: 50,
    });
    await first.start();
    const second = new NodeSockets({
      client,
      prefix: same,
      nodeId: 'n1',
      logger: silentLogger,
      aliveMs: 300,
      watchMs: 50,
    });
    await expect(second.start()).rejects.toThrow(/NODE_ID n1 is in use/);
    await first.stop();
    await deleteKeys(client, same);
  });

  it('answers 504 when no engine answers in time', async () => {
    const nobody = uniquePrefix();
    const lonely = await startApiNode({
      port: 0,
      host: '127.0.0.1',
      redisUrl,
      prefix: nobody,
      logger: silentLogger,
      forwardTimeoutMs: 300,
    });
    try {
      const res = await call(lonely.url, 'GET', '/api/queues');
      expect(res.status).toBe(504);
      expect(res.body.code).toBe('engine_timeout');

      // As if a dead engine still held the lease: the health check says 503 within 2 s.
      await client.set(centerKeys(nobody).lease, 'a-dead-engine');
      const started = Date.now();
      const health = await call(lonely.url, 'GET', '/healthz');
      expect([health.status, health.body.code]).toEqual([503, 'no_engine']);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await lonely.close();
      await deleteKeys(client, nobody);
    }
  });
});
