/**
 * The API on a center with a virtual clock, for in-process tests through
 * `app.request()`: demo users of each role, signed-in helpers, and a
 * fingerprint of engine and store state to prove a refused call changed
 * nothing.
 */
import { argon2Hasher, testCost } from '../auth/password-hasher.js';
import { createUser } from '../auth/create-user.js';
import type { CenterConfigInput } from '../config.js';
import type { Logger } from '../logger.js';
import { MemoryStore } from '../store/memory-store.js';
import { harness, T0 } from '../test/harness.js';
import type { AppEnv } from './app-env.js';
import { createApp } from './create-app.js';
import type { SecurityConfig } from './security-config.js';

export const password = 'correct horse battery';

/** Two queues, two languages, three agents (a2 takes two chats). */
export const kitConfig: CenterConfigInput = {
  skills: ['billing', 'sales', 'en', 'fr'],
  queues: [
    {
      id: 'billing',
      name: 'Billing',
      skills: [{ skill: 'billing' }],
      ringTimeoutSec: 20,
      wrapUpSec: 30,
    },
    { id: 'sales', name: 'Sales', skills: [{ skill: 'sales' }], ringTimeoutSec: 20, wrapUpSec: 30 },
  ],
  agents: [
    { id: 'a1', name: 'Ada', skills: { billing: 4, en: 5 } },
    { id: 'a2', name: 'Bo', skills: { billing: 2, sales: 3, en: 3, fr: 4 }, capacity: 2 },
    { id: 'a3', name: 'Cy', skills: { sales: 5, fr: 5 } },
  ],
};

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: object;
  message: string;
}

export function collectingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (fields: object, message: string) =>
    lines.push({ level, fields, message });
  return {
    lines,
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
  };
}

export interface CallOptions {
  token?: string;
  /** JSON-encoded unless a string (sent as is) or bytes. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The socket address the request comes from; none when absent. */
  from?: string;
}

export interface KitOptions {
  security?: Partial<SecurityConfig>;
}

/** What the Node server would bind for a request from `address`. */
export function fromAddress(address: string): AppEnv['Bindings'] {
  // Only the socket's address is read (client-address.ts).
  return { incoming: { socket: { remoteAddress: address } } } as unknown as AppEnv['Bindings'];
}

export interface CallResult {
  status: number;
  // any: tests read whatever fields the route under test returns.
  body: any;
  headers: Headers;
}

export async function apiKit(config: CenterConfigInput = kitConfig, options: KitOptions = {}) {
  const store = new MemoryStore(() => T0);
  const h = harness(config, { store });
  const { logger, lines } = collectingLogger();
  const hasher = argon2Hasher(testCost);
  const api = createApp({
    center: h.center,
    store,
    logger,
    hasher,
    ...(options.security ? { security: options.security } : {}),
  });
  const users = [
    { username: 'agent1', role: 'agent', agentId: 'a1', displayName: 'Ada' },
    { username: 'agent2', role: 'agent', agentId: 'a2', displayName: 'Bo' },
    { username: 'agent3', role: 'agent', agentId: 'a3', displayName: 'Cy' },
    { username: 'sup', role: 'supervisor', agentId: null, displayName: 'Sam' },
    { username: 'admin', role: 'admin', agentId: null, displayName: 'Root' },
  ] as const;
  for (const u of users) await createUser(store, hasher, { ...u, password });

  async function call(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<CallResult> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const init: RequestInit = { method, headers };
    if (options.body !== undefined) {
      const raw = typeof options.body === 'string' || options.body instanceof Uint8Array;
      init.body = raw ? (options.body as string | Uint8Array) : JSON.stringify(options.body);
    }
    const env = options.from !== undefined ? fromAddress(options.from) : undefined;
    const res = await api.app.request(path, init, env);
    const text = await res.text();
    const json = /json/.test(res.headers.get('content-type') ?? '');
    return {
      status: res.status,
      body: text && json ? JSON.parse(text) : text || null,
      headers: res.headers,
    };
  }

  /** Transcripts, call records and callback tries of these contacts. */
  function conversationsOf(contactIds: string[]) {
    const kept = store.conversations;
    return [...new Set(contactIds)]
      .sort()
      .map((id) => [id, kept.listChatMessages(id), kept.getMedia(id), kept.getCallbackAttempt(id)]);
  }

  const tokens = new Map<string, string>();
  async function login(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    const res = await call('POST', '/api/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    tokens.set(username, res.body.token);
    return res.body.token as string;
  }

  return {
    ...h,
    store,
    api,
    app: api.app,
    logs: lines,
    call,
    login,
    /** A customer's contact over HTTP; returns its id and token. */
    async newContact(body: Record<string, unknown> = {}) {
      const res = await call('POST', '/api/contacts', {
        body: {
          channel: 'chat',
          queueId: 'billing',
          customer: { name: 'Zoe', email: 'zoe@example.com' },
          ...body,
        },
      });
      if (res.status !== 201)
        throw new Error(`create contact: ${res.status} ${JSON.stringify(res.body)}`);
      return {
        contactId: res.body.contactId as string,
        token: res.body.token as string,
        body: res.body,
      };
    },
    /** Engine and store state (sessions and audit log too), to compare before and after a refused call. */
    fingerprint(): string {
      const c = h.center;
      return JSON.stringify({
        events: h.events.length,
        agents: c.agentIds().map((id) => c.agentStatus(id)),
        queues: c.queueIds().map((id) => c.queueContents(id).map((v) => [v.id, v.priority])),
        live: [...c.liveContacts()].map((v) => [
          v.id,
          v.state,
          v.queueId,
          v.priority,
          v.agentId,
          v.personalAgentId,
        ]),
        stored: store.snapshot(),
        conversations: conversationsOf([
          ...store.listContacts({}).map((r) => r.id),
          ...[...c.liveContacts()].map((v) => v.id),
        ]),
      });
    },
  };
}

export type ApiKit = Awaited<ReturnType<typeof apiKit>>;
