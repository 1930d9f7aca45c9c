/**
 * Traffic for the suites that kill processes under it: customers opening
 * contacts at a steady pace through one or more servers (API nodes), each
 * attempt kept with its outcome (201, another status, or no answer at
 * all), and agents taking what rings for them, ending the longer calls and
 * wrapping them up. While a process or Redis is down, failures are
 * expected: they are recorded, never thrown. And a census of every contact
 * the center knows, live or closed, to count them afterwards.
 */
import { randomUUID } from 'node:crypto';
import { demoPasswords } from '../../engine/demo-config.js';
import type { ContactRecord } from '../../engine/records.js';
import { snapshotOnce } from './live-client.js';
import { login, tryCall, type Answer } from './server-process.js';

export interface Attempt {
  n: number;
  node: string;
  /** Unique per attempt, so each contact gets a customer of its own. */
  email: string;
  sentAt: number;
  answeredAt: number | null;
  /** Null while unanswered. */
  status: number | 'error' | null;
  contactId: string | null;
  detail?: string;
}

/** Customers opening voice contacts, one attempt at a time or at a steady pace. */
export class Customers {
  readonly attempts: Attempt[] = [];
  private readonly running = new Set<Promise<Attempt>>();
  private readonly tag = randomUUID().slice(0, 8);
  private timer: NodeJS.Timeout | null = null;
  private next = 0;

  constructor(
    private readonly nodes: string[],
    private readonly queueId = 'billing',
    private readonly timeoutMs = 20_000,
  ) {}

  /** Opens one contact through `nodes[node]`, round robin unless told. */
  create(node = this.next % this.nodes.length): Promise<Attempt> {
    const n = this.next++;
    const url = this.nodes[node]!;
    const email = `caller-${this.tag}-${n}@example.com`;
    const attempt: Attempt = {
      n,
      node: url,
      email,
      sentAt: Date.now(),
      answeredAt: null,
      status: null,
      contactId: null,
    };
    this.attempts.push(attempt);
    const body = {
      channel: 'voice',
      queueId: this.queueId,
      customer: { name: `Caller ${n}`, email },
    };
    const pending = tryCall(url, 'POST', '/api/contacts', undefined, body, this.timeoutMs).then(
      (answer) => {
        attempt.answeredAt = Date.now();
        attempt.status = answer.status;
        if (answer.status === 201) attempt.contactId = answer.body.contactId as string;
        else attempt.detail = 'error' in answer ? answer.error : JSON.stringify(answer.body);
        return attempt;
      },
    );
    this.running.add(pending);
    void pending.then(() => this.running.delete(pending));
    return pending;
  }

  /** Opens one every `everyMs`, alternating between the nodes, until `stop`. */
  start(everyMs: number): void {
    this.timer ??= setInterval(() => void this.create(), everyMs);
  }

  /** Stops opening contacts and waits for every answer. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([...this.running]);
  }

  /** Opens contacts through `nodes[node]` until one gets 201; resolves with when it was sent. */
  async createUntilAccepted(node: number, timeoutMs: number): Promise<Attempt> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const attempt = await this.create(node);
      if (attempt.status === 201) return attempt;
      if (Date.now() > deadline) {
        throw new Error(
          `no 201 from ${this.nodes[node]} within ${timeoutMs} ms: ${attempt.detail}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  get acknowledged(): Attempt[] {
    return this.attempts.filter((a) => a.status === 201);
  }

  /** Answers other than 201, by status: `{ 504: 3, error: 1 }`. */
  failures(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const a of this.attempts) {
      if (a.status !== 201) out[String(a.status)] = (out[String(a.status)] ?? 0) + 1;
    }
    return out;
  }
}

export interface Desk {
  url: string;
  /** A demo user: agent1 … agent10. */
  username: string;
}

/** Signed-in agents that accept every offer, end calls after `talkMs`, and wrap them up. */
export class Agents {
  readonly accepted = new Set<string>();
  readonly ended = new Set<string>();
  readonly wrappedUp = new Set<string>();
  private stopped = false;
  private loops: Promise<void>[] = [];

  private constructor(
    private readonly pollMs: number,
    private readonly talkMs: number,
  ) {}

  /** Signs each agent in through its node, logs it in to the center and makes it ready. */
  static async start(desks: Desk[], pollMs = 150, talkMs = 1_000): Promise<Agents> {
    const agents = new Agents(pollMs, talkMs);
    const tokens = await Promise.all(
      desks.map((d) => login(d.url, d.username, demoPasswords.agent)),
    );
    for (const [i, desk] of desks.entries()) {
      for (const step of ['login', 'ready']) {
        const res = await tryCall(desk.url, 'POST', `/api/agent/${step}`, tokens[i]);
        if (res.status !== 200) throw new Error(`${desk.username} ${step}: ${JSON.stringify(res)}`);
      }
    }
    agents.loops = desks.map((d, i) => agents.work(d.url, tokens[i]!));
    return agents;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }

  private async work(url: string, token: string): Promise<void> {
    const talkingSince = new Map<string, number>();
    const act = (id: string, action: string, body?: unknown) =>
      tryCall(url, 'POST', `/api/agent/contacts/${id}/${action}`, token, body, 10_000);
    while (!this.stopped) {
      const me = await tryCall(url, 'GET', '/api/agent/me', token, undefined, 10_000);
      if (me.status === 200) {
        const { offers, active, wrapUps } = me.body.workload as Record<
          string,
          { contactId: string }[]
        >;
        for (const { contactId } of offers!) {
          if ((await act(contactId, 'accept')).status === 200) this.accepted.add(contactId);
        }
        for (const { contactId } of active!) {
          const since = talkingSince.get(contactId) ?? Date.now();
          talkingSince.set(contactId, since);
          if (Date.now() - since < this.talkMs) continue;
          if ((await act(contactId, 'end')).status === 200) this.ended.add(contactId);
        }
        for (const { contactId } of wrapUps!) {
          const done = await act(contactId, 'wrap-up', { disposition: 'resolved' });
          if (done.status === 200) this.wrappedUp.add(contactId);
        }
      }
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }
}

export interface Census {
  /** Contact id → its customer, for every live contact and closed record. */
  customerOf: Map<string, string | null>;
  records: ContactRecord[];
}

/**
 * Every contact the center knows: the live ones from a fresh snapshot (one
 * atomic view), then the closed records, read after it so that a contact
 * closing in between is found in one or the other.
 */
export async function census(url: string, token: string): Promise<Census> {
  const snapshot = await snapshotOnce(url, token);
  const records = await tryCall(url, 'GET', '/api/contact-records?limit=10000', token);
  if (records.status !== 200) throw new Error(`contact records: ${JSON.stringify(records)}`);
  const customerOf = new Map<string, string | null>();
  for (const c of snapshot.state.contacts as { contactId: string; customerId: string | null }[]) {
    customerOf.set(c.contactId, c.customerId);
  }
  for (const r of records.body as ContactRecord[]) customerOf.set(r.id, r.customerId);
  return { customerOf, records: records.body as ContactRecord[] };
}

/** The contacts of one customer in a census. */
export function contactsOf(c: Census, customerId: string): string[] {
  return [...c.customerOf].filter(([, customer]) => customer === customerId).map(([id]) => id);
}

/** Closed records whose offers overlap: a contact ringing at two agents at once. */
export function overlappingOffers(records: ContactRecord[]): string[] {
  const problems: string[] = [];
  for (const r of records) {
    const offers = [...r.offers].sort((a, b) => a.offeredAt - b.offeredAt);
    offers.forEach((o, i) => {
      const next = offers[i + 1];
      if (next && (o.endedAt === null || o.endedAt > next.offeredAt)) {
        problems.push(`${r.id}: offer ${o.offerId} to ${o.agentId} still open at ${next.offerId}`);
      }
    });
  }
  return problems;
}
