/**
 * A live socket without a network, for tests of the `/api/ws` protocol:
 * frames go in through the same `LiveSocket` the server uses (size, rate,
 * session, zod, permission, then the conversation relay) and every message
 * the hub sends comes out parsed, ready to assert on.
 */
import type { Principal } from '../auth/principal.js';
import type { Api } from '../http/create-app.js';
import { conversationRelay } from '../http/live/conversation-relay.js';
import type { LiveClient } from '../http/live/live-hub.js';
import type { ConversationError } from '../http/live/chat-frames.js';
import type { ServerMessage } from '../http/live/live-messages.js';
import { LiveSocket } from '../http/live/live-socket.js';

export class TestSocket implements LiveClient {
  readonly messages: ServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  private readonly socket: LiveSocket;

  constructor(
    private readonly api: Api,
    readonly principal: Principal,
    now: () => number,
    /** A write-behind store's flush, which chat acknowledgements wait for. */
    flush: (() => Promise<void>) | null = null,
  ) {
    this.socket = new LiveSocket(
      {
        hub: api.hub,
        sessions: api.sessions,
        now,
        maxFrameBytes: api.security.liveMaxFrameBytes,
        // Tests send frames in bursts far above any person's pace.
        framesPerSecond: 10_000,
        maxJsonDepth: api.security.maxJsonDepth,
        conversations: conversationRelay(api.hub, api.conversations, flush),
      },
      this,
    );
    api.hub.attach(this, api.hub.lastSeq);
  }

  /** Sends one frame as JSON text. */
  frame(frame: Record<string, unknown>): void {
    this.socket.receive(JSON.stringify(frame));
  }

  /** The socket went away (a page reload, a network drop). */
  disconnect(): void {
    this.api.hub.detach(this);
  }

  /** The messages of one kind, events and snapshots left out. */
  of<K extends ServerMessage['kind']>(kind: K): Extract<ServerMessage, { kind: K }>[] {
    return this.messages.filter((m): m is Extract<ServerMessage, { kind: K }> => m.kind === kind);
  }

  /** The refusals of conversation frames, each naming the frame. */
  refusals(): ConversationError[] {
    return this.messages.filter((m): m is ConversationError => m.kind === 'error' && 'frame' in m);
  }

  /** Everything but domain events and snapshots: what conversations sent. */
  conversation(): ServerMessage[] {
    return this.messages.filter((m) => m.kind !== 'event' && m.kind !== 'snapshot');
  }

  send(text: string): void {
    this.messages.push(JSON.parse(text) as ServerMessage);
  }

  bufferedAmount(): number {
    return 0;
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
  }
}
