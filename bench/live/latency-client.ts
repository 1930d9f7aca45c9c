/**
 * Child process: sends new contacts at a fixed rate and times, for each,
 * the POST's answer and, when agent tokens are given, the `contact.offered`
 * event arriving on the offered agent's WebSocket. Both clocks are this
 * process's, so the times need no synchronising. Stops by itself after
 * the run and a grace for late answers (a server slower than the rate
 * drains its backlog then); what is still missing after it is reported.
 * Usage: latency-client.ts '{"url":…,"tokens":[…],"rate":…,"durationSec":…}'.
 */
import { Agent, request } from 'node:http';
import WebSocket from 'ws';
import { percentile } from '../sample-summary.js';
import { reportResult } from './client-channel.js';
import { newContactBody } from './contact-body.js';

export interface LatencyParams {
  url: string;
  /** Agents' session tokens; empty: time the answers only (baseline). */
  tokens: string[];
  rate: number;
  durationSec: number;
}

export interface LatencyResult {
  sent: number;
  created: number;
  failed: number;
  /** Contacts whose offer was seen on a socket and matched to a POST. */
  matched: number;
  /** Contacts actually sent per second. */
  achievedRate: number;
  offerP50Ms: number;
  offerP99Ms: number;
  offerMaxMs: number;
  responseP50Ms: number;
  responseP99Ms: number;
}

const graceMs = 10_000;

async function main(): Promise<void> {
  const params = JSON.parse(process.argv[2] ?? '{}') as LatencyParams;
  const offeredAt = new Map<string, number>();
  const sockets = await Promise.all(
    params.tokens.map((token) => openSocket(params.url, token, offeredAt)),
  );

  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const sentAt = new Map<string, number>();
  const responseMs: number[] = [];
  let failed = 0;
  let pending = 0;
  const total = Math.round(params.rate * params.durationSec);
  let sent = 0;
  const started = performance.now();

  const fire = () => {
    const t0 = performance.now();
    pending += 1;
    postContact(params.url, agent)
      .then((contactId) => {
        responseMs.push(performance.now() - t0);
        sentAt.set(contactId, t0);
      })
      .catch(() => {
        failed += 1;
      })
      .finally(() => {
        pending -= 1;
      });
  };
  // Timers tick about every millisecond: each tick sends what is due.
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(
        total,
        Math.floor(((performance.now() - started) * params.rate) / 1_000) + 1,
      );
      while (sent < due) {
        fire();
        sent += 1;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const sendingMs = performance.now() - started;

  const expectOffers = params.tokens.length > 0;
  const waitUntil = performance.now() + graceMs;
  while (performance.now() < waitUntil) {
    const offersIn = !expectOffers || [...sentAt.keys()].every((id) => offeredAt.has(id));
    if (pending === 0 && offersIn) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  for (const socket of sockets) socket.close();
  agent.destroy();

  const offerMs: number[] = [];
  for (const [id, t0] of sentAt) {
    const at = offeredAt.get(id);
    if (at !== undefined) offerMs.push(at - t0);
  }
  const result: LatencyResult = {
    sent,
    created: sentAt.size,
    failed,
    matched: offerMs.length,
    achievedRate: (sent / sendingMs) * 1_000,
    offerP50Ms: percentile(offerMs, 50),
    offerP99Ms: percentile(offerMs, 99),
    offerMaxMs: percentile(offerMs, 100),
    responseP50Ms: percentile(responseMs, 50),
    responseP99Ms: percentile(responseMs, 99),
  };
  reportResult(result);
}

/** Opens an agent's live socket; resolves once its first message came. */
function openSocket(
  url: string,
  token: string,
  offeredAt: Map<string, number>,
): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/ws?token=${token}`);
  socket.on('message', (data: WebSocket.RawData) => {
    const at = performance.now();
    const message = JSON.parse(data.toString()) as {
      kind: string;
      event?: { type: string; contactId?: string };
    };
    const id = message.event?.contactId;
    if (message.kind === 'event' && message.event?.type === 'contact.offered' && id) {
      if (!offeredAt.has(id)) offeredAt.set(id, at);
    }
  });
  return new Promise((resolve, reject) => {
    socket.once('message', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** POSTs one new contact; resolves with its id on a 201. */
function postContact(url: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/contacts`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 201) return reject(new Error(`status ${res.statusCode}`));
          resolve((JSON.parse(text) as { contactId: string }).contactId);
        });
      },
    );
    req.once('error', reject);
    req.end(newContactBody);
  });
}

await main();
