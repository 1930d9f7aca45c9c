/**
 * Fans the engine's domain events out to WebSocket clients, each seeing
 * only what the authorization module lets it see. Delivery never waits: a
 * client whose unsent data grows past a bound is closed (it may reconnect
 * with `since` and catch up), so one slow reader never holds up the engine
 * or the others. Recent events stay in a ring for those reconnects.
 */
import { maySeeEvent, type EventAudience } from '../../auth/authorize.js';
import type { Principal } from '../../auth/principal.js';
import type { ContactCenter } from '../../center.js';
import type { DomainEvent } from '../../events.js';
import type { Logger } from '../../logger.js';
import { customerEvent } from './customer-event.js';
import { EventAudiences } from './event-audience.js';
import { EventRing } from './event-ring.js';
import type { ServerMessage } from './live-messages.js';

/** One connected socket, as the hub needs it. */
export interface LiveClient {
  readonly principal: Principal;
  send(text: string): void;
  /** Bytes queued for the socket but not yet written. */
  bufferedAmount(): number;
  close(code: number, reason: string): void;
}

interface Kept {
  seq: number;
  event: DomainEvent;
  audience: EventAudience;
}

/**
 * The recent events a hub replays to reconnecting clients, each with the
 * audience it had when published. Made before a journal replay (see
 * engine/http/open-engine.ts), it holds the replayed events too, with
 * the seqs they first had, so a client that was connected to an engine
 * that died can resume on its successor.
 */
export class LiveHistory {
  readonly ring: EventRing<Kept>;
  private readonly audiences = new EventAudiences();
  private readonly unsubscribe: () => void;
  private listener: ((kept: Kept) => void) | null = null;

  constructor(center: ContactCenter, ringSize?: number) {
    this.ring = new EventRing(ringSize);
    this.unsubscribe = center.subscribe((event) => {
      const kept = { seq: event.seq, event, audience: this.audiences.next(event) };
      this.ring.push(kept);
      this.listener?.(kept);
    });
  }

  /** The one hub that delivers what is kept from now on. */
  listen(listener: (kept: Kept) => void): void {
    this.listener = listener;
  }

  stop(): void {
    this.unsubscribe();
  }
}

export interface LiveHubOptions {
  center: ContactCenter;
  /** Recent events kept since before a replay; made here when absent. */
  history?: LiveHistory;
  logger: Logger;
  /** The current state a principal may see, sent when replay is impossible. */
  snapshot: (p: Principal) => unknown;
  ringSize?: number;
  /** Close a client with more than this many bytes unsent; default 1 MiB. */
  maxBufferedBytes?: number;
}

/** 1013 "try again later": the client fell behind and should resync. */
export const tooSlowCode = 1013;
/** 1001 "going away": the server is shutting down. */
export const goingAwayCode = 1001;
/** 1008 "policy violation": too many frames, or the session behind the socket ended. */
export const policyViolationCode = 1008;
/** 1009 "message too big". */
export const tooBigCode = 1009;

export class LiveHub {
  private readonly clients = new Set<LiveClient>();
  private readonly history: LiveHistory;
  private readonly maxBuffered: number;

  constructor(private readonly options: LiveHubOptions) {
    this.history = options.history ?? new LiveHistory(options.center, options.ringSize);
    this.maxBuffered = options.maxBufferedBytes ?? 1 << 20;
    this.history.listen((kept) => this.publish(kept));
  }

  private get ring(): EventRing<Kept> {
    return this.history.ring;
  }

  get size(): number {
    return this.clients.size;
  }

  get lastSeq(): number {
    return this.ring.lastSeq;
  }

  /** Starts a client with the events after `since`, or with a snapshot. */
  attach(client: LiveClient, since: number | null): void {
    this.clients.add(client);
    this.catchUp(client, since);
  }

  /** Replays after `since` when the ring still has it all, else a snapshot. */
  catchUp(client: LiveClient, since: number | null): void {
    const missed = since === null ? null : this.ring.after(since);
    if (missed === null) {
      const state = this.options.snapshot(client.principal);
      this.deliver(client, { kind: 'snapshot', seq: this.ring.lastSeq, state });
      return;
    }
    for (const { event, audience } of missed) {
      if (!maySeeEvent(client.principal, audience)) continue;
      this.deliver(client, this.message(event, formFor(client)));
    }
  }

  detach(client: LiveClient): void {
    this.clients.delete(client);
  }

  /** Sends one message to one client, unless it is too far behind. */
  deliver(client: LiveClient, message: ServerMessage): void {
    this.sendText(client, JSON.stringify(message));
  }

  /** Sends one message to every client `to` accepts, serialised once. */
  broadcast(message: ServerMessage, to: (principal: Principal) => boolean): void {
    const text = JSON.stringify(message);
    for (const client of [...this.clients]) {
      if (to(client.principal)) this.sendText(client, text);
    }
  }

  closeAll(code = goingAwayCode, reason = 'server shutting down'): void {
    for (const client of [...this.clients]) this.drop(client, code, reason);
  }

  /** Closes every client whose principal `which` picks; returns how many. */
  closeWhere(which: (principal: Principal) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const client of [...this.clients]) {
      if (!which(client.principal)) continue;
      this.drop(client, code, reason);
      closed += 1;
    }
    return closed;
  }

  /** Closes one client and stops sending to it. */
  close(client: LiveClient, code: number, reason: string): void {
    this.drop(client, code, reason);
  }

  dispose(): void {
    this.history.stop();
    this.closeAll();
  }

  private publish({ event, audience }: Kept): void {
    // Serialised at most twice (staff/agent form, customer form), whatever
    // the number of clients.
    const texts = new Map<'full' | 'customer', string>();
    for (const client of this.clients) {
      if (!maySeeEvent(client.principal, audience)) continue;
      const form = formFor(client);
      let text = texts.get(form);
      if (text === undefined) {
        text = JSON.stringify(this.message(event, form));
        texts.set(form, text);
      }
      this.sendText(client, text);
    }
  }

  private message(event: DomainEvent, form: 'full' | 'customer'): ServerMessage {
    if (form === 'customer' && 'contactId' in event)
      return { kind: 'event', event: customerEvent(event) };
    return { kind: 'event', event };
  }

  private sendText(client: LiveClient, text: string): void {
    if (client.bufferedAmount() > this.maxBuffered) {
      this.drop(client, tooSlowCode, 'too slow: reconnect with ?since=<last seq>');
      return;
    }
    try {
      client.send(text);
    } catch (err) {
      this.options.logger.warn({ err }, 'live client send failed');
      this.drop(client, goingAwayCode, 'send failed');
    }
  }

  private drop(client: LiveClient, code: number, reason: string): void {
    this.clients.delete(client);
    try {
      client.close(code, reason);
    } catch {
      // Already closed or broken: it is gone either way.
    }
  }
}

function formFor(client: LiveClient): 'full' | 'customer' {
  return client.principal.kind === 'customer' ? 'customer' : 'full';
}
