/**
 * An API node's way to run a command on the engine: XADD it to the
 * center's commands stream with a request id, then wait for the reply the
 * engine pushes to this sender's reply list. One blocking connection
 * (BLPOP) serves every command in flight, matching replies by request id;
 * a reply seen twice (a retried engine batch) is dropped the second time.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { centerKeys, type CenterKeys } from './center-keys.js';
import {
  CommandRefusedError,
  CommandReply,
  CommandTimeoutError,
  type CommandEntryFields,
} from './command-stream.js';
import { duplicateConnection, reconnectDelay, type RedisConnection } from './redis-connection.js';

export interface CommandSenderOptions {
  client: RedisConnection;
  prefix: string;
  /** The stream commands go to; default the center's `commands`. */
  stream?: string;
  /** Names this sender's reply list; default a random id. */
  senderId?: string;
  /** How long `send` waits for a reply; default 5 s. */
  timeoutMs?: number;
  /** Stamps `sentAt`; the engine applies commands that waited at that time. */
  now?: () => number;
  logger?: Logger;
}

interface InFlight {
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class CommandSender<C extends { type: string }> {
  readonly senderId: string;
  private readonly keys: CenterKeys;
  private readonly stream: string;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly logger: Logger;
  private readonly inFlight = new Map<string, InFlight>();
  private stopping = false;
  private loop: Promise<void> = Promise.resolve();

  private constructor(
    private readonly client: RedisConnection,
    private readonly replies: RedisConnection,
    options: CommandSenderOptions,
  ) {
    this.keys = centerKeys(options.prefix);
    this.stream = options.stream ?? this.keys.commands;
    this.senderId = options.senderId ?? randomUUID();
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.now = options.now ?? (() => Date.now());
    this.logger = options.logger ?? silentLogger;
  }

  static async open<C extends { type: string }>(
    options: CommandSenderOptions,
  ): Promise<CommandSender<C>> {
    const replies = await duplicateConnection(options.client, {
      logger: options.logger,
      name: 'command-replies',
    });
    const sender = new CommandSender<C>(options.client, replies, options);
    sender.loop = sender.receive();
    return sender;
  }

  /**
   * Resolves with the command's result once the engine applied it and its
   * effects are in Redis. Rejects with CommandRefusedError when the engine
   * refused it, CommandTimeoutError when no reply came in time.
   */
  async send(command: C, timeoutMs = this.timeoutMs): Promise<unknown> {
    const request = randomUUID();
    const reply = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.inFlight.delete(request);
        reject(new CommandTimeoutError(request, command.type, timeoutMs));
      }, timeoutMs);
      this.inFlight.set(request, { resolve, reject, timer });
    });
    const fields: CommandEntryFields = {
      request,
      replyTo: this.senderId,
      sentAt: String(this.now()),
      command: JSON.stringify(command),
    };
    try {
      await this.client.xAdd(this.stream, '*', { ...fields });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      // Lost with the connection, the XADD may still have landed.
      this.settle(request)?.reject(
        new Error(
          `sending ${command.type} (request ${request}) failed: ${why}; it may or may not be queued`,
          { cause: err },
        ),
      );
    }
    return reply;
  }

  /** Stops receiving replies; commands in flight reject. */
  async close(): Promise<void> {
    this.stopping = true;
    this.replies.destroy();
    await this.loop;
    for (const request of [...this.inFlight.keys()])
      this.settle(request)?.reject(new Error('the command sender was closed'));
  }

  private async receive(): Promise<void> {
    const key = this.keys.replies(this.senderId);
    let failures = 0;
    while (!this.stopping) {
      let popped;
      try {
        popped = await this.replies.blPop(key, 1);
        failures = 0;
      } catch (err) {
        if (this.stopping) return;
        this.logger.warn({ err: String(err) }, 'reading command replies failed; retrying');
        await new Promise((r) => setTimeout(r, reconnectDelay(failures++)));
        continue;
      }
      if (popped) this.dispatch(String(popped.element));
    }
  }

  private dispatch(json: string): void {
    const parsed = CommandReply.safeParse(parseJson(json));
    if (!parsed.success) {
      this.logger.warn({ issues: parsed.error.issues.length }, 'malformed command reply dropped');
      return;
    }
    const reply = parsed.data;
    // Unknown: timed out already, or a duplicate of a reply handled before.
    const waiting = this.settle(reply.request);
    if (!waiting) return;
    if (reply.ok) waiting.resolve(reply.result);
    else
      waiting.reject(new CommandRefusedError(reply.error.code, reply.error.message, reply.request));
  }

  private settle(request: string): InFlight | undefined {
    const waiting = this.inFlight.get(request);
    if (!waiting) return undefined;
    clearTimeout(waiting.timer);
    this.inFlight.delete(request);
    return waiting;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
