/**
 * Demo traffic for a live server: simulated customers and agents that use
 * the public HTTP API and the WebSocket, in real time, exactly as people's
 * browsers would. Customers arrive as a Poisson stream, wait with some
 * patience, sometimes ask for a callback; agents sign in, go ready, answer
 * after a short delay, talk, wrap up, and take the odd break.
 */
import WebSocket from 'ws';
import type { Logger } from '../engine/index.js';
import { exponential, lognormal } from './distributions.js';
import { Random } from './random.js';

export interface DemoTrafficOptions {
  baseUrl: string;
  /** The agents the demo plays; leave some free for people to try. */
  agents: { username: string; password: string }[];
  arrivalsPerMinute: number;
  seed: number;
  logger: Logger;
  /** Mean talk time in seconds (default 45: a demo, not a real center). */
  meanTalkSec?: number;
}

export interface DemoTraffic {
  stop(): Promise<void>;
}

const topics = ['billing', 'sales', 'support'] as const;
const firstNames = [
  'Ana',
  'Ben',
  'Chen',
  'Dana',
  'Émile',
  'Fatima',
  'Göran',
  'Hana',
  'Igor',
  'Jun',
  'Kofi',
  'Lucía',
  'Mehmet',
  'Nadia',
  'Olu',
  'Priya',
];
const lastNames = [
  'Silva',
  'Nguyen',
  'Müller',
  'Okoro',
  'Rossi',
  'Kowalski',
  'Haddad',
  'Tanaka',
  'García',
  'Dubois',
  'Larsen',
  'Novak',
];

export async function startDemoTraffic(options: DemoTrafficOptions): Promise<DemoTraffic> {
  const rng = new Random(options.seed);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const sockets: WebSocket[] = [];
  let stopped = false;
  const talkMean = (options.meanTalkSec ?? 45) * 1000;

  const later = (ms: number, fn: () => Promise<unknown> | void) => {
    if (stopped) return;
    const t = setTimeout(() => {
      timers.delete(t);
      if (stopped) return;
      Promise.resolve(fn()).catch((err: unknown) =>
        options.logger.debug({ err: String(err) }, 'demo step refused'),
      );
    }, ms);
    timers.add(t);
  };

  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const res = await fetch(`${options.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };

  async function playAgent(login: { username: string; password: string }): Promise<void> {
    const session = await call('POST', '/api/login', null, login);
    const token = String(session.token);
    const agentId = String((session.user as { agentId: string }).agentId);
    await call('POST', '/api/agent/login', token).catch(() => undefined);
    await call('POST', '/api/agent/ready', token);

    const ws = new WebSocket(
      `${options.baseUrl.replace(/^http/, 'ws')}/api/ws?token=${encodeURIComponent(token)}`,
    );
    sockets.push(ws);
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        kind: string;
        event?: { type: string; agentId?: string; contactId?: string };
      };
      const event = message.event;
      if (
        message.kind !== 'event' ||
        event?.type !== 'contact.offered' ||
        event.agentId !== agentId
      )
        return;
      const contactId = String(event.contactId);
      const answerMs = 1_000 + rng.next() * 4_000;
      later(answerMs, async () => {
        if (rng.next() < 0.05)
          return call('POST', `/api/agent/contacts/${contactId}/decline`, token);
        await call('POST', `/api/agent/contacts/${contactId}/accept`, token);
        later(lognormal(rng, talkMean, talkMean / 2), async () => {
          await call('POST', `/api/agent/contacts/${contactId}/end`, token);
          const disposition = rng.next() < 0.8 ? 'resolved' : 'follow-up';
          later(2_000 + rng.next() * 6_000, () =>
            call('POST', `/api/agent/contacts/${contactId}/wrap-up`, token, { disposition }),
          );
        });
      });
    });

    const takeBreaks = () =>
      later(exponential(rng, 8 * 60_000), async () => {
        await call('POST', '/api/agent/not-ready', token, { reason: 'break' });
        later(30_000 + rng.next() * 60_000, async () => {
          await call('POST', '/api/agent/ready', token);
          takeBreaks();
        });
      });
    takeBreaks();
  }

  async function arrive(): Promise<void> {
    const name = `${firstNames[rng.int(0, firstNames.length - 1)]} ${lastNames[rng.int(0, lastNames.length - 1)]}`;
    const channel = rng.next() < 0.5 ? 'chat' : 'voice';
    const body = {
      channel,
      topic: topics[rng.int(0, topics.length - 1)],
      language: rng.next() < 0.3 ? 'fr' : 'en',
      customer: {
        name,
        email: `${name
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]+/g, '.')}@example.com`,
      },
    };
    const created = await call('POST', '/api/contacts', null, body);
    const contactId = String(created.contactId);
    const token = String(created.token);
    if (created.state !== 'queued') return;
    // Some customers ask to be called back; the rest wait out their patience.
    if (rng.next() < 0.1)
      later(20_000 + rng.next() * 40_000, () => callbackIfWaiting(contactId, token));
    later(exponential(rng, 150_000), () => leaveIfWaiting(contactId, token));
  }

  async function leaveIfWaiting(contactId: string, token: string): Promise<void> {
    const view = await call('GET', `/api/contacts/${contactId}`, token);
    if (view.state === 'queued' && view.callbackRequested !== true) {
      await call('POST', `/api/contacts/${contactId}/abandon`, token);
    }
  }

  async function callbackIfWaiting(contactId: string, token: string): Promise<void> {
    const view = await call('GET', `/api/contacts/${contactId}`, token);
    if (view.state === 'queued') await call('POST', `/api/contacts/${contactId}/callback`, token);
  }

  const arrivals = () =>
    later(exponential(rng, 60_000 / options.arrivalsPerMinute), async () => {
      arrivals();
      await arrive();
    });

  await Promise.all(options.agents.map(playAgent));
  arrivals();
  options.logger.info(
    {
      agents: options.agents.length,
      arrivalsPerMinute: options.arrivalsPerMinute,
      seed: options.seed,
    },
    'demo traffic running',
  );

  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const ws of sockets) ws.close();
    },
  };
}
