/**
 * An API node's side of the event stream: reads the center's events after
 * a given seq or stream id with XREAD BLOCK on a connection of its own,
 * and hands them to a callback one at a time, in order. The position only
 * moves past an event once the callback returned, and every read asks for
 * what follows the position, so a dropped connection or a restarted Redis
 * costs a retry, never a duplicate or a gap. A reconnecting WebSocket
 * client is caught up by a reader started at its `since` seq.
 */
import type { DomainEvent } from '../events.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { centerKeys } from './center-keys.js';
import { eventStreamId, seqOfStreamId } from './event-stream-publisher.js';
import { duplicateConnection, reconnectDelay, type RedisConnection } from './redis-connection.js';

/** Where to start: after a seq (0: from the oldest kept), after a stream id, or new events only. */
export type ReadFrom = { seq: number } | { id: string } | 'latest';

export interface EventStreamReaderOptions {
  /** Used to open a connection of the reader's own, with the same settings. */
  client: RedisConnection;
  prefix: string;
  from: ReadFrom;
  onEvent: (event: DomainEvent, id: string) => void | Promise<void>;
  /**
   * Events after the start may have been trimmed from the stream (it keeps
   * about `maxLen`): the reader goes on from the oldest kept, and the
   * caller should resend a full snapshot to its client.
   */
  onTrimmed?: (info: { after: number; oldestSeq: number }) => void;
  /** How long one XREAD waits for new events; default 1 s. */
  blockMs?: number;
  /** Events per read; default 100. */
  count?: number;
  logger?: Logger;
  /** Connection name, to find it in CLIENT LIST. */
  name?: string;
}

interface StreamMessage {
  id: string;
  message: Record<string, string>;
}

export class EventStreamReader {
  private readonly key: string;
  private readonly logger: Logger;
  private position = '0-0';
  private connection: RedisConnection | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;

  constructor(private readonly options: EventStreamReaderOptions) {
    this.key = centerKeys(options.prefix).events;
    this.logger = options.logger ?? silentLogger;
  }

  /** The stream id of the last event delivered (or the start position). */
  get lastId(): string {
    return this.position;
  }

  get lastSeq(): number {
    return seqOfStreamId(this.position);
  }

  /** Opens the reader's connection, fixes the start, and begins delivering. */
  async start(): Promise<void> {
    if (this.loop) throw new Error('this event stream reader is already started');
    this.connection = await duplicateConnection(this.options.client, {
      logger: this.logger,
      name: this.options.name ?? 'event-stream-reader',
    });
    this.position = await this.startPosition(this.connection);
    this.loop = this.run(this.connection);
  }

  /** Stops reading; resolves when the last callback returned. */
  async stop(): Promise<void> {
    this.stopping = true;
    // Ends a pending XREAD BLOCK at once instead of waiting it out.
    this.connection?.destroy();
    await this.loop;
  }

  private async startPosition(client: RedisConnection): Promise<string> {
    const from = this.options.from;
    if (from === 'latest') {
      const [newest] = (await client.xRevRange(this.key, '+', '-', { COUNT: 1 })) ?? [];
      return newest?.id ?? '0-0';
    }
    if ('id' in from) return from.id;
    await this.checkTrimmed(client, from.seq);
    return eventStreamId(from.seq);
  }

  private async checkTrimmed(client: RedisConnection, after: number): Promise<void> {
    const [oldest] = (await client.xRange(this.key, '-', '+', { COUNT: 1 })) ?? [];
    if (!oldest) return;
    const oldestSeq = seqOfStreamId(oldest.id);
    const kept = await client.xLen(this.key);
    // Seqs have gaps of their own, so this may report a gap that is not
    // one: a snapshot too many, never an event missed unreported.
    if (after < oldestSeq - 1 && (await this.entriesAdded(client)) > kept) {
      this.options.onTrimmed?.({ after, oldestSeq });
    }
  }

  private async entriesAdded(client: RedisConnection): Promise<number> {
    // Only the one counter is read; its type is a RESP3 map entry.
    const info = (await client.xInfoStream(this.key)) as unknown as Record<string, unknown>;
    return Number(info['entries-added'] ?? 0);
  }

  private async run(client: RedisConnection): Promise<void> {
    const count = this.options.count ?? 100;
    const block = this.options.blockMs ?? 1_000;
    let failures = 0;
    while (!this.stopping) {
      let reply;
      try {
        reply = await client.xRead(
          { key: this.key, id: this.position },
          { COUNT: count, BLOCK: block },
        );
        failures = 0;
      } catch (err) {
        if (this.stopping) return;
        this.logger.warn(
          { err: String(err), after: this.position },
          'event stream read failed; retrying',
        );
        await new Promise((r) => setTimeout(r, reconnectDelay(failures++)));
        continue;
      }
      // node-redis types stream entries loosely; these were written by the publisher.
      const messages = (reply?.[0]?.messages ?? []) as StreamMessage[];
      for (const { id, message } of messages) {
        await this.deliver(id, message);
        this.position = id;
        if (this.stopping) return;
      }
    }
  }

  private async deliver(id: string, message: Record<string, string>): Promise<void> {
    try {
      // Written by EventStreamPublisher from a typed event; not re-validated.
      const event = JSON.parse(String(message.event)) as DomainEvent;
      await this.options.onEvent(event, id);
    } catch (err) {
      // One bad event or listener must not stop the stream; it counts as delivered.
      this.logger.error({ err: String(err), id }, 'event stream listener failed');
    }
  }
}
