/**
 * The engine's side of live sockets that API nodes hold open. Each one is
 * a client of the engine's hub like a local socket; what the hub sends it
 * is queued on the center's FencedWriter to the node's `node:<id>:out`
 * stream, so it reaches the node after the writes that caused it and
 * never from a deposed engine. Frames and closes come back on the
 * `sockets:in` stream. Sockets of a node that stopped renewing its
 * `node:<id>` key are dropped; after a fail-over the new engine knows no
 * socket, and answers a frame from one with a close (1012), so the client
 * reconnects with `since` and is replayed what it missed.
 */
import { followStream } from './stream-loop.js';
import type { Principal } from '../auth/principal.js';
import type { TunnelBinding } from '../http/app-env.js';
import type { LiveClient } from '../http/live/live-hub.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { centerKeys, type CenterKeys } from './center-keys.js';
import type { FencedWriter } from './fenced-writer.js';
import { duplicateConnection, type RedisConnection } from './redis-connection.js';

/** 1012 "service restart": reconnect, and resume with `since`. */
export const serviceRestartCode = 1012;

export interface RemoteSocketsOptions {
  client: RedisConnection;
  prefix: string;
  writer: FencedWriter;
  /** The engine's fencing token: it prefixes the ids of what it sends, so they grow across fail-overs. */
  token: number;
  /** Messages kept per node stream, roughly; default 10,000. */
  maxLen?: number;
  /** How often nodes' liveness is checked; default 10 s. */
  sweepMs?: number;
  logger?: Logger;
}

interface Remote {
  node: string;
  on: { receive(data: string | Buffer): void; closed(): void };
}

export class RemoteSockets {
  private readonly keys: CenterKeys;
  private readonly logger: Logger;
  private readonly sockets = new Map<string, Remote>();
  private sent = 0;
  private stopping = false;
  private connection: RedisConnection | null = null;
  private loop: Promise<void> | null = null;
  private sweeper: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: RemoteSocketsOptions) {
    this.keys = centerKeys(options.prefix);
    this.logger = options.logger ?? silentLogger;
  }

  get size(): number {
    return this.sockets.size;
  }

  /** What the API's live route needs to join one node's socket to the hub. */
  binding(node: string, socket: string): TunnelBinding {
    return {
      open: (principal, on) => {
        this.sockets.set(socket, { node, on });
        return this.client(node, socket, principal);
      },
    };
  }

  /** Starts reading frames from the nodes; only those sent from now on count. */
  async start(): Promise<void> {
    this.connection = await duplicateConnection(this.options.client, {
      logger: this.logger,
      name: 'remote-sockets',
    });
    const [newest] =
      (await this.connection.xRevRange(this.keys.socketsIn, '+', '-', { COUNT: 1 })) ?? [];
    this.loop = this.consume(this.connection, newest?.id ?? '0-0');
    this.sweeper = setInterval(() => void this.sweep(), this.options.sweepMs ?? 10_000);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.connection?.destroy();
    await this.loop;
  }

  private client(node: string, socket: string, principal: Principal): LiveClient {
    return {
      principal,
      send: (text) => this.send(node, socket, ['text', text]),
      // The node's own socket buffers; a node that falls behind trims its stream.
      bufferedAmount: () => 0,
      close: (code, reason) => {
        this.sockets.delete(socket);
        this.send(node, socket, ['close', code, 'reason', reason]);
      },
    };
  }

  private send(node: string, socket: string, fields: (string | number)[]): void {
    this.sent += 1;
    this.options.writer.write({
      command: 'XADD',
      key: this.keys.nodeOut(node),
      args: [
        'MAXLEN',
        '~',
        this.options.maxLen ?? 10_000,
        `${this.options.token}-${this.sent}`,
        'socket',
        socket,
        ...fields,
      ],
    });
  }

  private consume(client: RedisConnection, from: string): Promise<void> {
    return followStream({
      client,
      key: this.keys.socketsIn,
      from,
      count: 500,
      running: () => !this.stopping,
      logger: this.logger,
      what: 'live frames',
      onBatch: (messages) => {
        for (const { message } of messages) this.receive(message);
        // Read frames (chat text among them) need not stay in Redis.
        this.options.writer.write({
          command: 'XTRIM',
          key: this.keys.socketsIn,
          args: ['MINID', '~', messages.at(-1)!.id],
        });
      },
    });
  }

  private receive(message: Record<string, string>): void {
    const { socket, node } = message;
    if (!socket || !node) return;
    const remote = this.sockets.get(socket);
    if (message.closed !== undefined) {
      if (!remote) return;
      this.sockets.delete(socket);
      remote.on.closed();
      return;
    }
    if (!remote) {
      // Opened on an engine before this one: the client must start over here.
      this.send(node, socket, [
        'close',
        serviceRestartCode,
        'reason',
        'the engine changed: reconnect with since',
      ]);
      return;
    }
    try {
      remote.on.receive(
        message.binary !== undefined ? Buffer.from(message.binary, 'base64') : (message.data ?? ''),
      );
    } catch (err) {
      this.logger.error({ err: String(err), socket }, 'live frame failed');
    }
  }

  /** Forgets the sockets of nodes that stopped saying they are alive. */
  private async sweep(): Promise<void> {
    const nodes = new Set([...this.sockets.values()].map((r) => r.node));
    for (const node of nodes) {
      let alive: number;
      try {
        alive = await this.options.client.exists(this.keys.node(node));
      } catch {
        return; // Redis is away; try again next time rather than drop everyone.
      }
      if (alive) continue;
      this.logger.info({ node }, 'API node gone: dropping its live sockets');
      for (const [socket, remote] of [...this.sockets]) {
        if (remote.node !== node) continue;
        this.sockets.delete(socket);
        remote.on.closed();
      }
      this.options.writer.write({ command: 'DEL', key: this.keys.nodeOut(node), args: [] });
    }
  }
}
