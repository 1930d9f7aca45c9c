/**
 * The engine's side of the event stream: each domain event goes to a
 * Redis Stream with the id `<seq>-0` (fields `seq`, `event`), trimmed to
 * about `maxLen` entries, through the center's FencedWriter, so an event
 * reaches Redis in the same batch as the command that caused it.
 *
 * Sequence numbers come back identical when a recovering engine replays
 * its journal, so the publisher skips every event up to the last one the
 * stream already has, and an event lost in a crash is published by the
 * replay that re-creates it. Readers (event-stream-reader.ts) therefore
 * see each seq once, in order, across engine restarts.
 */
import type { DomainEvent } from '../events.js';
import type { Listener } from '../bus.js';
import { centerKeys, type CenterKeys } from './center-keys.js';
import type { FencedWriter } from './fenced-writer.js';
import type { RedisConnection } from './redis-connection.js';

export interface EventStreamPublisherOptions {
  client: RedisConnection;
  prefix: string;
  writer: FencedWriter;
  /** Entries kept, roughly (XADD MAXLEN ~); default 10,000. */
  maxLen?: number;
}

/** The stream id of an event, and the seq of a stream id. */
export const eventStreamId = (seq: number): string => `${seq}-0`;
export const seqOfStreamId = (id: string): number => Number(id.split('-')[0]);

export class EventStreamPublisher {
  private readonly keys: CenterKeys;
  private readonly maxLen: number;

  private constructor(
    private readonly writer: FencedWriter,
    options: EventStreamPublisherOptions,
    private last: number,
  ) {
    this.keys = centerKeys(options.prefix);
    this.maxLen = options.maxLen ?? 10_000;
  }

  static async open(options: EventStreamPublisherOptions): Promise<EventStreamPublisher> {
    const [newest] =
      (await options.client.xRevRange(centerKeys(options.prefix).events, '+', '-', { COUNT: 1 })) ??
      [];
    return new EventStreamPublisher(options.writer, options, newest ? seqOfStreamId(newest.id) : 0);
  }

  /** The seq of the newest event in the stream or queued for it. */
  get lastSeq(): number {
    return this.last;
  }

  /** Publishes every event the center emits from now on; returns the unsubscribe. */
  attach(center: { subscribe(listener: Listener): () => void }): () => void {
    return center.subscribe((event) => this.publish(event));
  }

  publish(event: DomainEvent): void {
    // Already in the stream: re-created by a journal replay.
    if (event.seq <= this.last) return;
    this.last = event.seq;
    this.writer.write({
      command: 'XADD',
      key: this.keys.events,
      args: [
        'MAXLEN',
        '~',
        this.maxLen,
        eventStreamId(event.seq),
        'seq',
        event.seq,
        'event',
        JSON.stringify(event),
      ],
    });
  }
}
