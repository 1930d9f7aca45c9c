/**
 * The command journal on a Redis Stream. Entry n has the stream id `n-0`,
 * so an append sent twice (a retried batch) lands once, and the entry
 * number survives trimming. `open` reads the whole stream, page by page,
 * so `entries()` is synchronous like the other journals; appends go
 * through the center's FencedWriter, after the store writes the same
 * command made, and `flush()` resolves when they are acknowledged.
 */
import { Command } from '../commands.js';
import type { Journal, JournalEntry } from '../journal.js';
import type { Logger } from '../logger.js';
import { centerKeys, type CenterKeys } from './center-keys.js';
import { FencedWriter } from './fenced-writer.js';
import { resolveTarget, type RedisConnection, type RedisTarget } from './redis-connection.js';

export type RedisJournalOptions = RedisTarget & {
  prefix: string;
  /** The center's writer (see RedisStore); without one, an unfenced own. */
  writer?: FencedWriter;
  logger?: Logger;
};

const page = 1_000;

export class RedisJournal implements Journal {
  readonly writer: FencedWriter;
  private readonly keys: CenterKeys;
  private readonly list: JournalEntry[] = [];

  private constructor(
    private readonly client: RedisConnection,
    private readonly ownsClient: boolean,
    options: RedisJournalOptions,
  ) {
    this.keys = centerKeys(options.prefix);
    this.writer =
      options.writer ??
      new FencedWriter({ client, fenceKey: this.keys.fence, token: null, logger: options.logger });
  }

  static async open(options: RedisJournalOptions): Promise<RedisJournal> {
    const { client, owned } = await resolveTarget(options, {
      logger: options.logger,
      name: 'redis-journal',
    });
    const journal = new RedisJournal(client, owned, options);
    await journal.load();
    return journal;
  }

  append(at: number, command: Command): void {
    const n = (this.list.at(-1)?.n ?? 0) + 1;
    this.list.push({ n, at, command });
    this.writer.write({
      command: 'XADD',
      key: this.keys.journal,
      args: [`${n}-0`, 'at', at, 'command', JSON.stringify(command)],
    });
  }

  entries(): Iterable<JournalEntry> {
    return this.list;
  }

  /** Reads the entries appended by another engine since the last read; returns them, in order. */
  async readNew(): Promise<JournalEntry[]> {
    const from = this.list.length;
    await this.load(this.list.at(-1)?.n);
    return this.list.slice(from);
  }

  /** Resolves when every append so far is acknowledged by Redis. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Releases a client this journal opened itself, after queued writes. */
  async close(): Promise<void> {
    if (!this.ownsClient) return;
    await this.writer.close().catch(() => {}); // the writer reported why it stopped
    await this.client.close();
  }

  private async load(after?: number): Promise<void> {
    let start = after === undefined ? '-' : `(${after}-0`;
    for (;;) {
      const batch =
        (await this.client.xRange(this.keys.journal, start, '+', { COUNT: page })) ?? [];
      for (const { id, message } of batch) {
        this.list.push({
          n: Number(id.split('-')[0]),
          at: Number(message.at),
          command: Command.parse(JSON.parse(String(message.command))),
        });
      }
      const last = batch.at(-1);
      if (!last || batch.length < page) return;
      start = `(${last.id}`;
    }
  }
}
