/**
 * Every route the pages call, by name. Paths, verbs and body shapes live
 * here and nowhere else, so following a change on the server is a change
 * to this file (and `types.ts`).
 */
import { request } from './request';
import { readIntervalPoint, readIntervalPoints } from '../stats/readIntervalPoint';
import type {
  AgentView,
  ContactDetail,
  ContactView,
  IntervalQuery,
  IntervalReport,
  LoginResponse,
  NewContactRequest,
  NewContactResponse,
  QueueView,
  RealtimeSnapshot,
  Transcript,
  Whoami,
} from './types';
import type { CallbackAttempt } from './conversationTypes';

const enc = encodeURIComponent;
const post = <T = unknown>(path: string, body?: unknown, token?: string | null) =>
  request<T>('POST', path, { body: body ?? {}, token: token ?? null });

export const session = {
  login: (username: string, password: string) =>
    post<LoginResponse>('/api/login', { username, password }),
  logout: () => post('/api/logout'),
  /** Who the session cookie stands for; 401 when there is none. */
  whoami: () => request<Whoami>('GET', '/api/session'),
};

export const customerApi = {
  topics: () => request<{ topics: { id: string; label: string }[] }>('GET', '/api/topics'),
  create: (body: NewContactRequest) => post<NewContactResponse>('/api/contacts', body),
  status: (contactId: string, token: string, signal?: AbortSignal) =>
    request<ContactView>('GET', `/api/contacts/${enc(contactId)}`, {
      token,
      ...(signal ? { signal } : {}),
    }),
  abandon: (contactId: string, token: string) =>
    post<ContactView>(`/api/contacts/${enc(contactId)}/abandon`, {}, token),
  callback: (contactId: string, token: string) =>
    post<ContactView>(`/api/contacts/${enc(contactId)}/callback`, {}, token),
};

const onContact = (id: string, action: string) => `/api/agent/contacts/${enc(id)}/${action}`;
/** Every desk action answers with the desk itself. */
const act = (path: string, body?: unknown) => post<AgentView>(path, body);

export const agentApi = {
  me: () => request<AgentView>('GET', '/api/agent/me'),
  contact: (id: string) => request<ContactDetail>('GET', `/api/agent/contacts/${enc(id)}`),
  login: () => act('/api/agent/login'),
  logout: () => act('/api/agent/logout'),
  ready: () => act('/api/agent/ready'),
  notReady: (reason: string) => act('/api/agent/not-ready', { reason }),
  accept: (id: string) => act(onContact(id, 'accept')),
  decline: (id: string) => act(onContact(id, 'decline')),
  hold: (id: string) => act(onContact(id, 'hold')),
  resume: (id: string) => act(onContact(id, 'resume')),
  end: (id: string) => act(onContact(id, 'end')),
  wrapUp: (id: string, disposition: string | null) =>
    act(onContact(id, 'wrap-up'), { disposition }),
};

export const conversationApi = {
  /** Customers pass their token; staff and agents rely on the cookie. */
  transcript: (contactId: string, token?: string | null) =>
    request<Transcript>('GET', `/api/contacts/${enc(contactId)}/transcript`, {
      token: token ?? null,
    }),
  rtcConfig: (token?: string | null) =>
    request<{ iceServers: RTCIceServer[] }>('GET', '/api/rtc/config', { token: token ?? null }),
  callbackStep: (id: string, step: 'dialing' | 'reached' | 'no-answer') =>
    post<{ desk: AgentView; attempt: CallbackAttempt }>(onContact(id, `callback/${step}`)),
};

const move = (id: string, action: string, body: unknown) =>
  post<ContactDetail>(`/api/contacts/${enc(id)}/${action}`, body);

export const supervisorApi = {
  agents: () => request<AgentView[]>('GET', '/api/agents'),
  agent: (id: string) => request<AgentView>('GET', `/api/agents/${enc(id)}`),
  queues: () => request<QueueView[]>('GET', '/api/queues'),
  queueContacts: (queueId: string) =>
    request<ContactDetail[]>('GET', `/api/queues/${enc(queueId)}/contacts`),
  /** A contact with its customer and the customer's history. */
  contact: (id: string) => request<ContactDetail>('GET', `/api/contacts/${enc(id)}`),
  /** 0-based: 0 puts the contact at the head of its queue. */
  setPosition: (id: string, position: number) => move(id, 'position', { position }),
  setPriority: (id: string, priority: number) => move(id, 'priority', { priority }),
  moveToQueue: (id: string, queueId: string) => move(id, 'queue', { queueId }),
  /** For a waiting contact: offered to the agent now, or kept in its personal queue. */
  assign: (id: string, agentId: string) => move(id, 'assign', { agentId }),
  /** For a connected contact. */
  transfer: (id: string, agentId: string) => move(id, 'transfer', { agentId }),
};

export const statsApi = {
  realtime: () => request<RealtimeSnapshot>('GET', '/api/stats/realtime'),
  async intervals(q: IntervalQuery): Promise<IntervalReport> {
    const params = new URLSearchParams({ from: String(q.from), to: String(q.to) });
    if (q.queueId) params.set('queueId', q.queueId);
    if (q.agentId) params.set('agentId', q.agentId);
    const raw = await request<{ total?: unknown }>('GET', `/api/stats/intervals?${params}`);
    const total =
      raw && typeof raw === 'object'
        ? readIntervalPoint({ intervalStart: q.from, metrics: raw.total })
        : null;
    return { points: readIntervalPoints(raw), total: total && raw.total ? total : null };
  },
};
