/**
 * The engine's side of the command stream: reads commands in stream
 * order, from the last one applied, applies each through a synchronous
 * callback, and replies to its sender. The reply and the new position
 * (`commands:applied`) are queued on the center's FencedWriter in the
 * same synchronous run as the command's own writes, so they reach Redis
 * in one batch: a command is applied exactly once across crashes and
 * failovers, and its sender hears back only once its effects are stored.
 *
 * Commands sent while no engine ran wait in the stream; `open` reads them
 * into `pending`, so a recovering engine can apply them at the time they
 * were sent before its clock catches up (see redis-center.ts).
 */
import { followStream } from './stream-loop.js';
import type { z } from 'zod';
import { EngineError } from '../errors.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { centerKeys, type CenterKeys } from './center-keys.js';
import type { CommandEntryFields, CommandReply } from './command-stream.js';
import type { FencedWriter, WriteOp } from './fenced-writer.js';
import { duplicateConnection, type RedisConnection } from './redis-connection.js';

export interface CommandConsumerOptions<C> {
  client: RedisConnection;
  prefix: string;
  writer: FencedWriter;
  /** Validates each command; a failure is replied as `invalid_command`. */
  schema: z.ZodType<C>;
  /** How long a reply list lives without a reader; default 30 s. */
  replyTtlMs?: number;
  /** Applied commands are trimmed from the stream every this many; default 100. */
  trimEvery?: number;
  blockMs?: number;
  count?: number;
  logger?: Logger;
}

/** One command read from the stream; `command` is null when invalid. */
export interface QueuedCommand<C> {
  id: string;
  request: string;
  replyTo: string;
  sentAt: number;
  command: C | null;
  problem: string | null;
}

/** Runs one command on the engine and returns its result (JSON-serialisable). */
export type Execute<C> = (command: C) => unknown;

const page = 1_000;

export class CommandConsumer<C> {
  /** Commands waiting when the consumer opened, oldest first. */
  readonly pending: QueuedCommand<C>[];
  private readonly keys: CenterKeys;
  private readonly logger: Logger;
  private position: string;
  private sinceTrim = 0;
  private stopping = false;
  private connection: RedisConnection | null = null;
  private loop: Promise<void> | null = null;

  private constructor(
    private readonly options: CommandConsumerOptions<C>,
    applied: string,
    pending: QueuedCommand<C>[],
  ) {
    this.keys = centerKeys(options.prefix);
    this.logger = options.logger ?? silentLogger;
    this.position = applied;
    this.pending = pending;
  }

  static async open<C>(options: CommandConsumerOptions<C>): Promise<CommandConsumer<C>> {
    const keys = centerKeys(options.prefix);
    const applied = String((await options.client.get(keys.commandsApplied)) ?? '0-0');
    const pending: QueuedCommand<C>[] = [];
    for (let start = `(${applied}`; ;) {
      const batch = (await options.client.xRange(keys.commands, start, '+', { COUNT: page })) ?? [];
      for (const { id, message } of batch) pending.push(decode(options.schema, id, message));
      const last = batch.at(-1);
      if (!last || batch.length < page) break;
      start = `(${last.id}`;
    }
    return new CommandConsumer(options, applied, pending);
  }

  /** The stream id of the last command applied. */
  get lastApplied(): string {
    return this.position;
  }

  /**
   * Applies one command now, synchronously, and queues its reply and the
   * new position with the writes it made. Commands must come in stream
   * order; one at or before the position was applied already and is skipped.
   */
  apply(entry: QueuedCommand<C>, execute: Execute<C>): void {
    if (compareIds(entry.id, this.position) <= 0) return;
    const reply = this.answer(entry, execute);
    this.position = entry.id;
    const replies = this.keys.replies(entry.replyTo);
    const ops: WriteOp[] = [
      { command: 'SET', key: this.keys.commandsApplied, args: [entry.id] },
      { command: 'RPUSH', key: replies, args: [JSON.stringify(reply)] },
      { command: 'PEXPIRE', key: replies, args: [this.options.replyTtlMs ?? 30_000] },
    ];
    if (++this.sinceTrim >= (this.options.trimEvery ?? 100)) {
      this.sinceTrim = 0;
      // Drops entries before the one just applied; it stays as the marker.
      ops.push({ command: 'XTRIM', key: this.keys.commands, args: ['MINID', '~', entry.id] });
    }
    this.options.writer.write(...ops);
  }

  /** Reads and applies commands after the position until stopped. */
  async start(execute: Execute<C>): Promise<void> {
    if (this.loop) throw new Error('this command consumer is already started');
    this.connection = await duplicateConnection(this.options.client, {
      logger: this.logger,
      name: 'command-consumer',
    });
    this.loop = this.consume(this.connection, execute);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.connection?.destroy();
    await this.loop;
  }

  private consume(client: RedisConnection, execute: Execute<C>): Promise<void> {
    const running = () => !this.stopping && !this.options.writer.stopped;
    return followStream({
      client,
      key: this.keys.commands,
      from: this.position,
      running,
      logger: this.logger,
      what: 'commands',
      ...(this.options.count ? { count: this.options.count } : {}),
      ...(this.options.blockMs ? { blockMs: this.options.blockMs } : {}),
      onBatch: (messages) => {
        for (const { id, message } of messages) {
          if (!running()) return;
          this.apply(decode(this.options.schema, id, message), execute);
        }
      },
    });
  }

  private answer(entry: QueuedCommand<C>, execute: Execute<C>): CommandReply {
    const { request } = entry;
    if (entry.command === null) {
      return {
        request,
        ok: false,
        error: { code: 'invalid_command', message: entry.problem ?? 'invalid command' },
      };
    }
    try {
      return { request, ok: true, result: execute(entry.command) };
    } catch (err) {
      if (err instanceof EngineError)
        return { request, ok: false, error: { code: err.code, message: err.message } };
      this.logger.error({ err: String(err), request }, 'command failed');
      return {
        request,
        ok: false,
        error: { code: 'internal', message: 'the engine failed to apply the command' },
      };
    }
  }
}

function decode<C>(
  schema: z.ZodType<C>,
  id: string,
  message: Record<string, string>,
): QueuedCommand<C> {
  // Fields as CommandSender writes them; anything missing makes the command invalid.
  const fields = message as Partial<CommandEntryFields>;
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(fields.command ?? 'null');
  } catch {
    parsed = null;
  }
  const result = schema.safeParse(parsed);
  const problem = result.success
    ? null
    : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return {
    id,
    request: fields.request ?? '',
    replyTo: fields.replyTo ?? '',
    sentAt: Number(fields.sentAt ?? 0),
    command: result.success ? result.data : null,
    problem,
  };
}

/** Orders stream ids `ms-seq` numerically. */
export function compareIds(a: string, b: string): number {
  const [am = 0n, as = 0n] = a.split('-').map(BigInt);
  const [bm = 0n, bs = 0n] = b.split('-').map(BigInt);
  return am !== bm ? (am < bm ? -1 : 1) : as === bs ? 0 : as < bs ? -1 : 1;
}
