/**
 * The audit log on a Redis Stream, for RedisStore: entry n has the stream
 * id `n-0`, so an append sent twice (a retried batch) lands once, as with
 * the journal. Entries are kept in memory after `open` and appended
 * through the center's FencedWriter, so a deposed engine cannot add to
 * the log.
 */
import type { AuditEntry, AuditQuery, NewAuditEntry } from '../store/store.js';
import type { FencedWriter } from './fenced-writer.js';
import type { RedisConnection } from './redis-connection.js';

const page = 1_000;

export class RedisAuditLog {
  private constructor(
    private readonly writer: FencedWriter,
    private readonly key: string,
    private readonly entries: AuditEntry[],
  ) {}

  /** Reads the whole stream, a page at a time. */
  static async open(client: RedisConnection, key: string, writer: FencedWriter) {
    const entries: AuditEntry[] = [];
    let start = '-';
    for (;;) {
      const batch = (await client.xRange(key, start, '+', { COUNT: page })) ?? [];
      // Written by `append` from a typed entry.
      for (const { message } of batch)
        entries.push(JSON.parse(String(message.entry)) as AuditEntry);
      const last = batch.at(-1);
      if (!last || batch.length < page) break;
      start = `(${last.id}`;
    }
    return new RedisAuditLog(writer, key, entries);
  }

  append(entry: NewAuditEntry): AuditEntry {
    const saved: AuditEntry = { ...entry, id: (this.entries.at(-1)?.id ?? 0) + 1 };
    this.entries.push(saved);
    this.writer.write({
      command: 'XADD',
      key: this.key,
      args: [`${saved.id}-0`, 'entry', JSON.stringify(saved)],
    });
    return saved;
  }

  /** Newest first, like the other stores. */
  list(query: AuditQuery): AuditEntry[] {
    const from = query.from ?? Number.NEGATIVE_INFINITY;
    const to = query.to ?? Number.POSITIVE_INFINITY;
    const rows = this.entries.filter((e) => e.at >= from && e.at < to).reverse();
    return rows.slice(0, query.limit ?? rows.length);
  }
}
