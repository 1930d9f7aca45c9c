/**
 * Opening a center whose durable state lives in Redis: the engine that
 * holds the lease (token from lease.ts) loads the store, replays the
 * journal, republishes what a crash lost of the event stream, applies the
 * commands API nodes sent while no engine ran — each at the time it was
 * sent, before the clock catches up, so a customer who hung up meanwhile
 * is closed rather than offered — and then consumes commands live.
 */
import type { ContactCenter } from '../center.js';
import { applyCommand, Command } from '../commands.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { openCenter, type OpenedCenter, type OpenOptions } from '../recover.js';
import { centerKeys } from './center-keys.js';
import { CommandConsumer } from './command-consumer.js';
import { EventStreamPublisher } from './event-stream-publisher.js';
import { FencedWriter, type FencedError, type RedisWriteError } from './fenced-writer.js';
import type { RedisConnection } from './redis-connection.js';
import { RedisJournal } from './redis-journal.js';
import { RedisStore } from './redis-store.js';

export interface RedisCenterOptions extends Omit<
  OpenOptions,
  'journal' | 'store' | 'beforeReplay'
> {
  client: RedisConnection;
  prefix: string;
  /** The fencing token of this engine's lease; null runs unfenced. */
  token: number | null;
  /** Called once when this engine must stop: deposed, or Redis refused writes. */
  onStop?: (error: FencedError | RedisWriteError) => void;
  /** Events kept in the stream, roughly; default 10,000. */
  maxEvents?: number;
  /** Runs once the store is loaded, before the center exists (seeding users, say). */
  beforeOpen?: (store: RedisStore) => unknown;
  /** As openCenter's, with the store (e.g. for CenterStats' interval rows). */
  beforeReplay?: (center: ContactCenter, store: RedisStore) => void;
}

export interface RedisCenter extends OpenedCenter {
  store: RedisStore;
  journal: RedisJournal;
  writer: FencedWriter;
  events: EventStreamPublisher;
  commands: CommandConsumer<Command>;
  /** Commands that waited in the stream and were applied on open. */
  caughtUp: number;
  /** Stops consuming commands and the clock; resolves once all writes landed. */
  stop(): Promise<void>;
}

/** Runs one command; contact creation answers with its route outcome. */
export function executeCommand(center: ContactCenter, command: Command): unknown {
  if (command.type === 'contact.create') return center.createContact(command.request);
  applyCommand(center, command);
  return null;
}

export async function openRedisCenter(options: RedisCenterOptions): Promise<RedisCenter> {
  const { client, prefix } = options;
  const logger: Logger = options.logger ?? silentLogger;
  let stopped: (() => void) | null = null;
  const writer = new FencedWriter({
    client,
    fenceKey: centerKeys(prefix).fence,
    token: options.token,
    logger,
    onStop: (error) => {
      stopped?.();
      options.onStop?.(error);
    },
  });
  const [store, journal, events, commands] = await Promise.all([
    RedisStore.open({ client, prefix, writer, logger }),
    RedisJournal.open({ client, prefix, writer, logger }),
    EventStreamPublisher.open({
      client,
      prefix,
      writer,
      ...(options.maxEvents ? { maxLen: options.maxEvents } : {}),
    }),
    CommandConsumer.open({ client, prefix, writer, schema: Command, logger }),
  ]);

  await options.beforeOpen?.(store);

  // Time stands still at the last journaled instant until the waiting
  // commands are in, then catches up with the wall clock.
  const realNow = options.wallNow ?? (() => Date.now());
  const lastAt = [...journal.entries()].at(-1)?.at;
  const firstSent = commands.pending[0]?.sentAt;
  let frozenAt: number | null =
    commands.pending.length === 0 ? null : (lastAt ?? Math.min(firstSent ?? realNow(), realNow()));
  const opened = openCenter({
    ...options,
    journal,
    store,
    logger,
    wallNow: () => frozenAt ?? realNow(),
    beforeReplay: (center) => {
      events.attach(center);
      options.beforeReplay?.(center, store);
    },
  });
  const execute = (command: Command) => executeCommand(opened.center, command);
  for (const entry of commands.pending) {
    frozenAt = Math.min(Math.max(entry.sentAt, opened.clock.now()), realNow());
    commands.apply(entry, execute);
  }
  frozenAt = null;
  opened.clock.catchUp();
  if (commands.pending.length > 0)
    logger.info({ applied: commands.pending.length }, 'applied commands sent while no engine ran');

  await commands.start(execute);
  const stop = async () => {
    opened.clock.stop();
    await commands.stop();
  };
  stopped = () => void stop();
  return {
    ...opened,
    store,
    journal,
    writer,
    events,
    commands,
    caughtUp: commands.pending.length,
    stop: async () => {
      await stop();
      await writer.flush();
    },
  };
}
