/**
 * The engine's side of forwarded HTTP: reads the requests API nodes put
 * on the center's `requests` stream, runs each through the engine's own
 * API app, as if it had come to its socket, and pushes the response to
 * the node's reply list. Requests run concurrently, as on a socket.
 *
 * A request that may change something is run at most once: before it
 * runs, a `request:<id>` marker is queued on the center's writer, so it
 * lands no later than the request's own writes. An engine that takes
 * over reads back the requests of the last `maxAgeMs` (those sent while
 * no engine ran, and those its predecessor may not have finished) and
 * skips the marked ones; their node has answered 504 by then, or will.
 */
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { AppBindings } from '../http/app-env.js';
import { centerKeys, type CenterKeys } from './center-keys.js';
import { compareIds } from './command-consumer.js';
import type { CommandEntryFields, CommandReply } from './command-stream.js';
import type { FencedWriter } from './fenced-writer.js';
import { HttpProblem } from '../http/problem.js';
import {
  ForwardedRequest,
  type ForwardedResponse,
  forwardResponse,
  readOnlyMethods,
  requestOf,
} from './forwarded-request.js';
import { duplicateConnection, reconnectDelay, type RedisConnection } from './redis-connection.js';
import type { RemoteSockets } from './remote-sockets.js';

export interface RequestExecutorOptions {
  client: RedisConnection;
  prefix: string;
  writer: FencedWriter;
  /** The API app's fetch. */
  fetch: (request: Request, env: AppBindings) => Response | Promise<Response>;
  /** Live sockets held by API nodes; tunnelled opens join them. */
  sockets: RemoteSockets;
  /** Requests older than this are not run (their node gave up); default 30 s. */
  maxAgeMs?: number;
  /** How long a reply list lives without a reader; default 30 s. */
  replyTtlMs?: number;
  now?: () => number;
  logger?: Logger;
}

export class RequestExecutor {
  private readonly keys: CenterKeys;
  private readonly logger: Logger;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly running = new Set<Promise<void>>();
  private stopping = false;
  private connection: RedisConnection | null = null;
  private loop: Promise<void> | null = null;
  private sinceTrim = 0;
  /** The newest request when this engine started, by Redis's own clock. */
  private startedAfter = '0-0';

  constructor(private readonly options: RequestExecutorOptions) {
    this.keys = centerKeys(options.prefix);
    this.logger = options.logger ?? silentLogger;
    this.maxAgeMs = options.maxAgeMs ?? 30_000;
    this.now = options.now ?? (() => Date.now());
  }

  async start(): Promise<void> {
    this.connection = await duplicateConnection(this.options.client, {
      logger: this.logger,
      name: 'request-executor',
    });
    const [newest] =
      (await this.connection.xRevRange(this.keys.requests, '+', '-', { COUNT: 1 })) ?? [];
    this.startedAfter = newest?.id ?? '0-0';
    this.loop = this.consume(this.connection, `${Math.max(0, this.now() - this.maxAgeMs)}-0`);
  }

  /** Stops reading; resolves once the requests already started have answered. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.connection?.destroy();
    await this.loop;
    await Promise.all(this.running);
  }

  private async consume(client: RedisConnection, from: string): Promise<void> {
    let position = from;
    let failures = 0;
    while (!this.stopping && !this.options.writer.stopped) {
      let reply;
      try {
        reply = await client.xRead(
          { key: this.keys.requests, id: position },
          { COUNT: 100, BLOCK: 1_000 },
        );
        failures = 0;
      } catch (err) {
        if (this.stopping) return;
        this.logger.warn({ err: String(err) }, 'reading forwarded requests failed; retrying');
        await new Promise((r) => setTimeout(r, reconnectDelay(failures++)));
        continue;
      }
      // node-redis types stream entries loosely; API nodes wrote CommandEntryFields.
      const messages = (reply?.[0]?.messages ?? []) as {
        id: string;
        message: Record<string, string>;
      }[];
      for (const { id, message } of messages) {
        position = id;
        const run = this.run(id, message as Partial<CommandEntryFields>).catch((err: unknown) =>
          this.logger.error({ err: String(err), id }, 'forwarded request failed'),
        );
        this.running.add(run);
        void run.finally(() => this.running.delete(run));
      }
      if (messages.length > 0) this.trim(messages.length);
    }
  }

  private async run(entryId: string, fields: Partial<CommandEntryFields>): Promise<void> {
    const { request: id, replyTo } = fields;
    if (!id || !replyTo) return;
    if (Number(fields.sentAt ?? 0) < this.now() - this.maxAgeMs) return;
    const parsed = ForwardedRequest.safeParse(parseJson(fields.command));
    if (!parsed.success) {
      this.reply(replyTo, {
        request: id,
        ok: false,
        error: { code: 'invalid_command', message: 'not a forwarded request' },
      });
      return;
    }
    const forwarded = parsed.data;
    if (forwarded.tunnel && compareIds(entryId, this.startedAfter) <= 0) {
      // Its node closed every socket when the engine changed; it cannot use this one.
      this.reply(replyTo, { request: id, ok: true, result: engineChanged });
      return;
    }
    if (!readOnlyMethods.has(forwarded.method)) {
      if (await this.options.client.exists(this.keys.requestDone(id))) return;
      this.options.writer.write({
        command: 'SET',
        key: this.keys.requestDone(id),
        args: ['1', 'PX', this.maxAgeMs * 2],
      });
    }
    const env: AppBindings = {
      ...(forwarded.address ? { forwardedFor: forwarded.address } : {}),
      ...(forwarded.tunnel
        ? { tunnel: this.options.sockets.binding(forwarded.tunnel.node, forwarded.tunnel.socket) }
        : {}),
    };
    const response = await this.options.fetch(requestOf(forwarded), env);
    this.reply(replyTo, { request: id, ok: true, result: await forwardResponse(response) });
  }

  private reply(replyTo: string, reply: CommandReply): void {
    const key = this.keys.replies(replyTo);
    this.options.writer.write(
      { command: 'RPUSH', key, args: [JSON.stringify(reply)] },
      { command: 'PEXPIRE', key, args: [this.options.replyTtlMs ?? 30_000] },
    );
  }

  /** Drops requests too old to run, now and then. */
  private trim(read: number): void {
    this.sinceTrim += read;
    if (this.sinceTrim < 100) return;
    this.sinceTrim = 0;
    const oldest = Math.max(0, this.now() - this.maxAgeMs);
    this.options.writer.write({
      command: 'XTRIM',
      key: this.keys.requests,
      args: ['MINID', '~', `${oldest}-0`],
    });
  }
}

const engineChanged: ForwardedResponse = {
  status: 503,
  headers: [
    ['content-type', 'application/problem+json'],
    ['retry-after', '1'],
  ],
  body: Buffer.from(
    JSON.stringify(
      new HttpProblem(
        503,
        'engine_changed',
        'the engine changed while the socket opened; open it again',
      ).toDocument(),
    ),
  ).toString('base64'),
};

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}
