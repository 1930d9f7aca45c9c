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
 * skips the marked ones, answering again those whose answer was stored
 * with the marker (a node may still be waiting). A request is never started once its node has
 * given up on it (its `timeoutMs`, less a second), so a client told 504
 * is not surprised by a change made later; ages are judged by Redis's
 * clock alone (stream ids and TIME), never by comparing two machines'.
 * Once answered, a request is deleted from the stream: sign-in bodies and
 * tokens stay in Redis no longer than they must.
 */
import { followStream } from './stream-loop.js';
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
  ForwardedResponse,
  forwardResponse,
  readOnlyMethods,
  requestOf,
} from './forwarded-request.js';
import { duplicateConnection, type RedisConnection } from './redis-connection.js';
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
  /** Changing requests this engine started, by id, with when: a second copy is skipped. */
  private readonly started = new Map<string, number>();
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
    // Requests its node may still wait for, by Redis's clock like every age here.
    const from = Math.max(0, (await this.redisTime()) - this.maxAgeMs);
    this.loop = this.consume(this.connection, `${from}-0`);
  }

  /** Stops reading; resolves once the requests already started have answered. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.connection?.destroy();
    await this.loop;
    await Promise.all(this.running);
  }

  private consume(client: RedisConnection, from: string): Promise<void> {
    return followStream({
      client,
      key: this.keys.requests,
      from,
      running: () => !this.stopping && !this.options.writer.stopped,
      logger: this.logger,
      what: 'forwarded requests',
      onBatch: async (messages) => {
        const redisNow = await this.redisTime();
        for (const { id, message } of messages) {
          const ageMs = redisNow - Number(id.split('-')[0]);
          const run = this.run(id, ageMs, message as Partial<CommandEntryFields>);
          this.running.add(run);
          void run.finally(() => this.running.delete(run));
        }
        this.trim(redisNow);
      },
    });
  }

  /** Redis's own clock, in ms: stream ids are stamped by it. */
  private async redisTime(): Promise<number> {
    try {
      const [seconds, micros] = (await this.options.client.sendCommand(['TIME'])) as [
        string,
        string,
      ];
      return Number(seconds) * 1_000 + Math.floor(Number(micros) / 1_000);
    } catch {
      return this.now();
    }
  }

  /** Runs one request and answers it; never throws, so a node never waits for nothing. */
  private async run(
    entryId: string,
    ageMs: number,
    fields: Partial<CommandEntryFields>,
  ): Promise<void> {
    const { request: id, replyTo } = fields;
    if (!id || !replyTo) return;
    try {
      await this.answer(entryId, ageMs, id, replyTo, fields);
    } catch (err) {
      this.logger.error({ err: String(err), request: id }, 'forwarded request failed');
      this.reply(replyTo, { request: id, ok: true, result: problemResponse(cannotRun(err)) });
    }
    this.options.writer.write({ command: 'XDEL', key: this.keys.requests, args: [entryId] });
  }

  private async answer(
    entryId: string,
    ageMs: number,
    id: string,
    replyTo: string,
    fields: Partial<CommandEntryFields>,
  ): Promise<void> {
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
    // Its node gives up at timeoutMs; starting later could change what a 504 said was not.
    if (ageMs > Math.min(this.maxAgeMs, (forwarded.timeoutMs ?? this.maxAgeMs) - givenUpMarginMs))
      return;
    if (forwarded.tunnel && compareIds(entryId, this.startedAfter) <= 0) {
      // Its node closed every socket when the engine changed; it cannot use this one.
      this.reply(replyTo, {
        request: id,
        ok: true,
        result: problemResponse(
          new HttpProblem(
            503,
            'engine_changed',
            'the engine changed while the socket opened; open it again',
            undefined,
            {
              'retry-after': '1',
            },
          ),
        ),
      });
      return;
    }
    const changing = !readOnlyMethods.has(forwarded.method);
    if (changing) {
      // Two copies in one read, or close together: the marker may not have landed yet.
      if (this.started.has(id)) return;
      this.started.set(id, Date.now());
      const done = await this.options.client.get(this.keys.requestDone(id));
      if (done !== null) {
        // Run before (by this engine or one that died): its answer again, if it was stored.
        const stored = done === startedMarker ? null : ForwardedResponse.safeParse(parseJson(done));
        if (stored?.success) this.reply(replyTo, { request: id, ok: true, result: stored.data });
        return;
      }
      this.markDone(id, startedMarker);
    }
    const env: AppBindings = {
      ...(forwarded.address ? { forwardedFor: forwarded.address } : {}),
      ...(forwarded.tunnel
        ? { tunnel: this.options.sockets.binding(forwarded.tunnel.node, forwarded.tunnel.socket) }
        : {}),
    };
    const response = await forwardResponse(await this.options.fetch(requestOf(forwarded), env));
    // The answer is kept with the marker, in the batch that replies: an engine that
    // takes over after a crash between the two answers a node still waiting.
    if (changing) this.markDone(id, JSON.stringify(response));
    this.reply(replyTo, { request: id, ok: true, result: response });
  }

  private markDone(id: string, value: string): void {
    this.options.writer.write({
      command: 'SET',
      key: this.keys.requestDone(id),
      args: [value, 'PX', this.maxAgeMs * 2],
    });
  }

  private reply(replyTo: string, reply: CommandReply): void {
    const key = this.keys.replies(replyTo);
    this.options.writer.write(
      { command: 'RPUSH', key, args: [JSON.stringify(reply)] },
      { command: 'PEXPIRE', key, args: [this.options.replyTtlMs ?? 30_000] },
    );
  }

  /** Drops requests too old to run: their node gave up on them. */
  private trim(redisNow: number): void {
    const forgetBefore = Date.now() - this.maxAgeMs * 2;
    for (const [id, at] of this.started) {
      if (at >= forgetBefore) break;
      this.started.delete(id);
    }
    const oldest = Math.max(0, redisNow - this.maxAgeMs);
    this.options.writer.write({
      command: 'XTRIM',
      key: this.keys.requests,
      args: ['MINID', '~', `${oldest}-0`],
    });
  }
}

/** The marker of a changing request that started and has no stored answer yet. */
const startedMarker = 'started';

/** A node gives up at its timeout; a request is not started in its last second. */
const givenUpMarginMs = 1_000;

/** A request the engine's app cannot take (a method fetch does not allow, say). */
function cannotRun(err: unknown): HttpProblem {
  const why = err instanceof Error ? err.message : String(err);
  return new HttpProblem(400, 'unforwardable_request', `this request cannot be run: ${why}`);
}

function problemResponse(problem: HttpProblem): ForwardedResponse {
  const headers: [string, string][] = [['content-type', 'application/problem+json']];
  for (const [name, value] of Object.entries(problem.headers)) headers.push([name, value]);
  return {
    status: problem.status,
    headers,
    body: Buffer.from(JSON.stringify(problem.toDocument())).toString('base64'),
  };
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? 'null');
  } catch {
    return null;
  }
}
