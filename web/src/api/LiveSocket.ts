/**
 * The `/api/ws` connection: parses frames, remembers the last `seq` and
 * reconnects with `?since=<seq>` after a drop (backing off up to 10 s), so
 * a page sees every event or, when the server can no longer replay, a
 * snapshot telling it to reload its state. Conversations (chat, calls)
 * listen for their own messages and send frames on the same socket.
 */
import type { ClientFrame, DomainEvent, RealtimeSnapshot, ServerMessage } from './types';

export type LiveStatus = 'connecting' | 'open' | 'closed';

export interface LiveHandlers {
  onEvent?: (event: DomainEvent) => void;
  /** Replay was impossible: the page should reload its state over HTTP. */
  onSnapshot?: (seq: number, state: unknown) => void;
  onStats?: (snapshot: RealtimeSnapshot) => void;
  onStatus?: (status: LiveStatus) => void;
}

/** A part of the page that follows messages on the socket (a chat, a call). */
export interface FrameListener {
  onMessage?(message: ServerMessage): void;
  /** The socket (re)opened: a chat asks for what it missed. */
  onOpen?(): void;
}

export interface LiveSocketOptions {
  /** A customer's contact token, for sockets that carry no session cookie. */
  token?: string | null;
  /** The URL of the socket; default `/api/ws` on this page's host. */
  url?: string;
}

const maxBackoffMs = 10_000;

export class LiveSocket {
  private socket: WebSocket | null = null;
  private lastSeq: number | null = null;
  private backoffMs = 500;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private readonly listeners = new Set<FrameListener>();

  constructor(
    private readonly handlers: LiveHandlers,
    private readonly options: LiveSocketOptions = {},
  ) {}

  start(): this {
    this.stopped = false;
    this.connect();
    return this;
  }

  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const socket = this.socket;
    this.socket = null;
    if (!socket) return;
    // Closing a socket that is still connecting makes the browser log an
    // error; let it open first, then close it.
    if (socket.readyState === WebSocket.CONNECTING)
      socket.onopen = () => socket.close(1000, 'page left');
    else socket.close(1000, 'page left');
  }

  /** Follows the socket's messages until the returned function is called. */
  listen(listener: FrameListener): () => void {
    this.listeners.add(listener);
    if (this.isOpen) listener.onOpen?.();
    return () => this.listeners.delete(listener);
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Sends a frame; false when the socket is not open (the caller retries on open). */
  send(frame: ClientFrame): boolean {
    if (!this.socket || !this.isOpen) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private connect(): void {
    const url = new URL(this.options.url ?? '/api/ws', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (this.options.token) url.searchParams.set('token', this.options.token);
    if (this.lastSeq !== null) url.searchParams.set('since', String(this.lastSeq));

    this.handlers.onStatus?.('connecting');
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.backoffMs = 500;
      this.handlers.onStatus?.('open');
      for (const listener of [...this.listeners]) listener.onOpen?.();
    };
    socket.onmessage = (m) => this.receive(m.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.handlers.onStatus?.('closed');
      if (!this.stopped) this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    this.retry = setTimeout(() => this.connect(), this.backoffMs);
    this.backoffMs = Math.min(maxBackoffMs, this.backoffMs * 2);
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    const message = parsed as ServerMessage;
    for (const listener of [...this.listeners]) listener.onMessage?.(message);
    if (message.kind === 'event') {
      if (typeof message.event.seq === 'number') this.lastSeq = message.event.seq;
      this.handlers.onEvent?.(message.event);
    } else if (message.kind === 'snapshot') {
      this.lastSeq = Number(message.seq);
      this.handlers.onSnapshot?.(this.lastSeq, message.state);
    } else if (message.kind === 'stats.realtime') {
      this.handlers.onStats?.(message.snapshot);
    }
  }
}
