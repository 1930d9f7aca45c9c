/**
 * A live client as the web pages run one (web/src/api/LiveSocket.ts), for
 * the suites that kill processes under it: a WebSocket on `/api/ws` that,
 * when the server restarts it (1012), goes away (1001), finds it too slow
 * (1013) or the connection just drops (1006, also when a reconnect is
 * refused), connects again with `?since=<the last seq it saw>`. It keeps
 * every event and snapshot in the order they came and notes, as they
 * come, any event whose seq it saw before or that goes backwards, so a
 * suite can check that nothing came twice, nothing out of order, and
 * nothing was missed.
 */
import WebSocket from 'ws';

/** A domain event as it arrives; only the fields the suites read are typed. */
export interface LiveEvent {
  seq: number;
  type: string;
  contactId?: string;
  agentId?: string;
  offerId?: string;
  [field: string]: unknown;
}

export interface LiveSnapshot {
  seq: number;
  // any: the state a staff snapshot holds (engine/http/live/live-snapshot.ts).
  state: any;
  /** The highest seq the client had seen before it; null on the first connection. */
  after: number | null;
  receivedAt: number;
  /** 1 for the first connection, 2 for the first reconnect, … */
  connection: number;
}

export type LiveMessage =
  | { kind: 'event'; event: LiveEvent; receivedAt: number; connection: number }
  | ({ kind: 'snapshot' } & LiveSnapshot);

/** Close codes after which the web pages (and this client) connect again. */
export const reconnectCodes: ReadonlySet<number> = new Set([1001, 1006, 1012, 1013]);

export class LiveClient {
  /** Events and snapshots, in arrival order. */
  readonly messages: LiveMessage[] = [];
  /** Every close, and which connection it ended (0: one that never opened). */
  readonly closes: { code: number; reason: string; at: number; connection: number }[] = [];
  /** Seqs that came twice or went backwards, and snapshots behind an event already seen. */
  readonly problems: string[] = [];
  /** Connections attempted, refused ones included. */
  attempts = 0;
  /** Connections that opened. */
  connections = 0;
  /** What the next connection asks for with `since`, as the web pages keep it. */
  private lastSeq: number | null = null;
  /** The highest seq seen, of an event or a snapshot: anything at or below it is old. */
  private floor: number | null = null;
  private highestEvent: number | null = null;
  private socket: WebSocket | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private backoffMs = 50;

  private constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  /** Connects and resolves once the first message, the snapshot, has come. */
  static async open(url: string, token: string, timeoutMs = 10_000): Promise<LiveClient> {
    const client = new LiveClient(url, token);
    client.connect();
    await client.until(() => client.messages.length > 0, timeoutMs, 'first snapshot');
    return client;
  }

  get events(): LiveEvent[] {
    return this.messages.flatMap((m) => (m.kind === 'event' ? [m.event] : []));
  }

  get snapshots(): LiveSnapshot[] {
    return this.messages.flatMap((m) => (m.kind === 'snapshot' ? [m] : []));
  }

  /** Snapshots after the first: each stands for events that were not replayed. */
  get resyncSnapshots(): LiveSnapshot[] {
    return this.snapshots.filter((s) => s.after !== null);
  }

  /** The highest event seq seen; before any, the snapshot's seq. */
  get highest(): number {
    return this.highestEvent ?? this.floor ?? 0;
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** The event seqs seen, in arrival order. */
  seqs(): number[] {
    return this.events.map((e) => e.seq);
  }

  /** The contact ids of the `contact.created` events seen. */
  createdContacts(): Set<string> {
    return new Set(
      this.events.filter((e) => e.type === 'contact.created').map((e) => e.contactId!),
    );
  }

  /** Polls until `check` holds; throws after `timeoutMs`. */
  async until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) {
        throw new Error(`live client at ${this.url}: no ${what} within ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Drops the connection as a network failure would (1006): the client resumes with `since`. */
  drop(): void {
    this.socket?.terminate();
  }

  /** Stops reconnecting and closes the socket. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise((resolve) => socket.once('close', resolve));
    if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
    else socket.close(1000, 'test done');
    await closed;
  }

  private connect(): void {
    const url = new URL('/api/ws', this.url.replace(/^http/, 'ws'));
    url.searchParams.set('token', this.token);
    if (this.lastSeq !== null) url.searchParams.set('since', String(this.lastSeq));
    this.attempts += 1;
    const socket = new WebSocket(url);
    this.socket = socket;
    let connection = 0;
    socket.on('open', () => {
      this.connections += 1;
      connection = this.connections;
      this.backoffMs = 50;
    });
    socket.on('message', (data) => this.receive(data.toString(), connection));
    // A refused upgrade (503 while the center is away, say) ends in a 1006 close.
    socket.on('error', () => {});
    socket.on('close', (code, reason) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.closes.push({ code, reason: reason.toString(), at: Date.now(), connection });
      if (this.stopped || !reconnectCodes.has(code)) return;
      this.retry = setTimeout(() => this.connect(), this.backoffMs);
      this.backoffMs = Math.min(1_000, this.backoffMs * 2);
    });
  }

  private receive(text: string, connection: number): void {
    // any: whatever the server sends; only events and snapshots are kept.
    const message = JSON.parse(text) as any;
    const receivedAt = Date.now();
    if (message.kind === 'event' && typeof message.event?.seq === 'number') {
      const event = message.event as LiveEvent;
      if (this.floor !== null && event.seq <= this.floor) {
        this.problems.push(
          `event seq ${event.seq} (${event.type}) after seq ${this.floor}, connection ${connection}`,
        );
      }
      this.floor = Math.max(this.floor ?? event.seq, event.seq);
      this.highestEvent = Math.max(this.highestEvent ?? event.seq, event.seq);
      this.lastSeq = event.seq;
      this.messages.push({ kind: 'event', event, receivedAt, connection });
    } else if (message.kind === 'snapshot') {
      const seq = Number(message.seq);
      if (this.floor !== null && seq < this.floor) {
        this.problems.push(`snapshot seq ${seq} after seq ${this.floor}, connection ${connection}`);
      }
      const after = this.floor;
      this.floor = Math.max(this.floor ?? seq, seq);
      // As the web pages do: the next reconnect asks for what came after the snapshot.
      this.lastSeq = seq;
      this.messages.push({
        kind: 'snapshot',
        seq,
        state: message.state,
        after,
        receivedAt,
        connection,
      });
    }
  }
}

/** The staff snapshot a fresh connection starts with: every live contact, atomically. */
export async function snapshotOnce(url: string, token: string): Promise<LiveSnapshot> {
  const client = await LiveClient.open(url, token);
  await client.close();
  return client.snapshots[0]!;
}

/**
 * Contacts offered to an agent while an offer to another was still open,
 * or connected twice, as the events show it (each seq counted once). A
 * resync snapshot forgets the open offers: the events that ended them may
 * be among those it replaced.
 */
export function routingProblems(messages: LiveMessage[]): string[] {
  const problems: string[] = [];
  const openOffers = new Map<string, { offerId: string; agentId: string; seq: number }>();
  const connected = new Map<string, number>();
  const seen = new Set<number>();
  for (const m of messages) {
    if (m.kind === 'snapshot') {
      openOffers.clear();
      continue;
    }
    const e = m.event;
    // An event delivered twice is the client's problem (LiveClient.problems), not routing's.
    if (seen.has(e.seq)) continue;
    seen.add(e.seq);
    if (e.contactId === undefined) continue;
    if (e.type === 'contact.offered') {
      const open = openOffers.get(e.contactId);
      if (open) {
        problems.push(
          `${e.contactId} offered to ${e.agentId} (seq ${e.seq}) while its offer to ` +
            `${open.agentId} (seq ${open.seq}) was open`,
        );
      }
      openOffers.set(e.contactId, { offerId: e.offerId!, agentId: e.agentId!, seq: e.seq });
    } else if (e.type === 'contact.offer_ended') {
      if (openOffers.get(e.contactId)?.offerId === e.offerId) openOffers.delete(e.contactId);
    } else if (e.type === 'contact.connected') {
      const before = connected.get(e.contactId);
      if (before !== undefined) {
        problems.push(`${e.contactId} connected at seq ${before} and again at seq ${e.seq}`);
      }
      connected.set(e.contactId, e.seq);
    }
  }
  return problems;
}

/** How many problems, and the first few: enough to read in a failed assertion. */
export function firstOf(problems: string[], few = 3): { count: number; first: string[] } {
  return { count: problems.length, first: problems.slice(0, few) };
}
