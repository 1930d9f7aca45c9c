/**
 * An API node's side of its live sockets (the engine's side is
 * engine/redis/remote-sockets.ts): frames and closes from clients go on
 * the center's `sockets:in` stream; what the engine sends them arrives on
 * this node's `node:<id>:out` stream and is written to the socket, in
 * order. Messages that arrive before the node finished the upgrade wait.
 *
 * When the engine changes (another fencing token) or the node's Redis
 * connection comes back after failing, every socket is closed with 1012:
 * the new engine does not know them, and frames may have been lost; the
 * clients reconnect with `since` and are replayed what they missed.
 */
import { followStream } from '../redis/stream-loop.js';
import type { WSContext } from 'hono/ws';
import type { Logger } from '../logger.js';
import { centerKeys, type CenterKeys } from '../redis/center-keys.js';
import { duplicateConnection, type RedisConnection } from '../redis/redis-connection.js';
import { serviceRestartCode } from '../redis/remote-sockets.js';
import { tooSlowCode } from '../http/live/live-hub.js';

export interface NodeSocketsOptions {
  client: RedisConnection;
  prefix: string;
  nodeId: string;
  logger: Logger;
  /** How often the node says it is alive and checks the engine's token; default 1 s. */
  watchMs?: number;
  /** How long `node:<id>` outlives a node that stopped renewing it; default 10 s. */
  aliveMs?: number;
}

interface Tunnelled {
  ws: WSContext<unknown> | null;
  /** Messages that came before the socket opened. */
  early: Record<string, string>[];
}

/** Unsent bytes after which a client is closed, as the engine's hub does for its own. */
const maxBufferedBytes = 1 << 20;
/** A socket the engine accepted but the client never finished opening. */
const openTimeoutMs = 10_000;

export class NodeSockets {
  private readonly keys: CenterKeys;
  private readonly sockets = new Map<string, Tunnelled>();
  private readonly logger: Logger;
  private stopping = false;
  private reader: RedisConnection | null = null;
  private loop: Promise<void> | null = null;
  private watcher: ReturnType<typeof setInterval> | null = null;
  private token: string | null = null;

  private readonly aliveMs: number;

  constructor(private readonly options: NodeSocketsOptions) {
    this.aliveMs = options.aliveMs ?? 10_000;
    this.keys = centerKeys(options.prefix);
    this.logger = options.logger;
  }

  get size(): number {
    return this.sockets.size;
  }

  async start(): Promise<void> {
    await this.claimNodeId();
    await this.watch();
    this.reader = await duplicateConnection(this.options.client, {
      logger: this.logger,
      name: `node-sockets:${this.options.nodeId}`,
    });
    const out = this.keys.nodeOut(this.options.nodeId);
    const [newest] = (await this.reader.xRevRange(out, '+', '-', { COUNT: 1 })) ?? [];
    this.loop = this.consume(this.reader, out, newest?.id ?? '0-0');
    this.watcher = setInterval(() => void this.watch(), this.options.watchMs ?? 1_000);
    this.watcher.unref();
  }

  /** The engine accepted socket `id`; its messages are kept until `opened`. */
  accepted(id: string): void {
    this.sockets.set(id, { ws: null, early: [] });
    setTimeout(() => {
      if (this.sockets.get(id)?.ws === null) this.closed(id);
    }, openTimeoutMs).unref();
  }

  opened(id: string, ws: WSContext<unknown>): void {
    const socket = this.sockets.get(id);
    if (!socket) {
      ws.close(serviceRestartCode, 'the engine changed: reconnect with since');
      return;
    }
    socket.ws = ws;
    for (const message of socket.early.splice(0)) this.deliver(id, socket, message);
  }

  /** A frame from the client: text as it is, binary as base64, so the engine sees which it was. */
  frame(id: string, data: unknown): void {
    if (!this.sockets.has(id)) return;
    const node = this.options.nodeId;
    if (typeof data === 'string') this.tell({ socket: id, node, data });
    else this.tell({ socket: id, node, binary: bytesOf(data).toString('base64') });
  }

  closed(id: string): void {
    if (!this.sockets.delete(id)) return;
    this.tell({ socket: id, node: this.options.nodeId, closed: '1' });
  }

  /** Closes every socket (1001 when the node stops, 1012 when the engine changed). */
  closeAll(code: number, reason: string): void {
    for (const [id, socket] of [...this.sockets]) {
      this.sockets.delete(id);
      socket.ws?.close(code, reason);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.watcher) clearInterval(this.watcher);
    this.reader?.destroy();
    await this.loop;
    const { nodeId } = this.options;
    await this.options.client
      .del([this.keys.node(nodeId), this.keys.nodeOut(nodeId)])
      .catch(() => 0);
  }

  private tell(fields: Record<string, string>): void {
    this.options.client
      .xAdd(this.keys.socketsIn, '*', fields, {
        TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: 10_000 },
      })
      .catch((err: unknown) => {
        // Lost with Redis: the watch closes the sockets once it is back.
        this.logger.warn({ err: String(err) }, 'forwarding a live frame failed');
      });
  }

  private consume(client: RedisConnection, key: string, from: string): Promise<void> {
    return followStream({
      client,
      key,
      from,
      count: 500,
      running: () => !this.stopping,
      logger: this.logger,
      what: 'live messages',
      onRecovered: () => this.restart('the connection to Redis came back'),
      onBatch: (messages) => {
        for (const { message } of messages) {
          const id = message.socket ?? '';
          const socket = this.sockets.get(id);
          if (socket) this.deliver(id, socket, message);
          // A socket this node has closed: the engine should forget it too.
          else if (message.close === undefined)
            this.tell({ socket: id, node: this.options.nodeId, closed: '1' });
        }
      },
    });
  }

  private deliver(id: string, socket: Tunnelled, message: Record<string, string>): void {
    if (!socket.ws) {
      socket.early.push(message);
      return;
    }
    if (message.close !== undefined) {
      this.sockets.delete(id);
      socket.ws.close(Number(message.close), message.reason ?? '');
      return;
    }
    if (message.text === undefined) return;
    // The engine cannot see this socket's buffer; a client that stopped reading is cut here.
    const raw = socket.ws.raw as { bufferedAmount?: number } | undefined;
    if ((raw?.bufferedAmount ?? 0) > maxBufferedBytes) {
      socket.ws.close(tooSlowCode, 'too slow: reconnect with ?since=<last seq>');
      this.closed(id);
      return;
    }
    socket.ws.send(message.text);
  }

  /**
   * Takes `node:<id>`, waiting out a predecessor's key (a node restarted
   * under the same id after a crash); two live nodes under one id would
   * take each other's replies and messages, so the second one refuses.
   */
  private async claimNodeId(): Promise<void> {
    const key = this.keys.node(this.options.nodeId);
    const deadline = Date.now() + this.aliveMs + 2_000;
    let waited = false;
    while ((await this.options.client.set(key, '1', { NX: true, PX: this.aliveMs })) === null) {
      if (!waited)
        this.logger.info({ nodeId: this.options.nodeId }, 'waiting for this NODE_ID to be free');
      waited = true;
      if (Date.now() > deadline) {
        throw new Error(`NODE_ID ${this.options.nodeId} is in use by a running API node`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  /** Renews this node's alive key; closes every socket when the engine changed. */
  private async watch(): Promise<void> {
    let token: string | null;
    try {
      await this.options.client.set(this.keys.node(this.options.nodeId), '1', {
        PX: this.aliveMs,
      });
      token = await this.options.client.get(this.keys.fence);
    } catch {
      return; // Redis is away; the reader notices when it comes back.
    }
    if (this.token !== null && token !== this.token) this.restart('another engine runs the center');
    this.token = token;
  }

  private restart(why: string): void {
    if (this.sockets.size === 0) return;
    this.logger.info(
      { why, sockets: this.sockets.size },
      'closing live sockets: clients reconnect',
    );
    this.closeAll(serviceRestartCode, `${why}: reconnect with since`);
  }
}

function bytesOf(data: unknown): Buffer {
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(String(data));
}
