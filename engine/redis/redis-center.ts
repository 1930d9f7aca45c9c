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
import type { JournalEntry } from '../journal.js';
import {
  replayCenter,
  type OpenedCenter,
  type OpenOptions,
  type ReplayingCenter,
} from '../recover.js';
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
  const replica = await RedisReplica.open({ ...options, following: false });
  return replica.takeOver(options.token);
}

export interface FollowOptions extends Omit<RedisCenterOptions, 'token'> {
  /** How often the journal is read for new entries; default 100 ms. */
  pollMs?: number;
}

/**
 * A standby that keeps a replica of the center while it waits for the
 * lease: the store loaded, the journal replayed and followed as the
 * active engine appends to it, every write muted. Taking over then costs
 * a reload of the store and the entries since the last read, not a replay
 * of the whole history.
 */
export async function followRedisCenter(options: FollowOptions): Promise<RedisReplica> {
  const replica = await RedisReplica.open({ ...options, following: true });
  replica.follow(options.pollMs ?? 100);
  return replica;
}

type ReplicaOptions = Omit<RedisCenterOptions, 'token'> & { following: boolean };

export class RedisReplica {
  private replay: ReplayingCenter | null = null;
  private frozenAt: number | null = null;
  private following: Promise<void> | null = null;
  private stopFollowing = false;
  private stopped: (() => void) | null = null;
  /** Why following failed, if it did: the replica is not to be trusted then. */
  private diverged: string | null = null;

  private constructor(
    private readonly options: ReplicaOptions,
    readonly writer: FencedWriter,
    readonly store: RedisStore,
    readonly journal: RedisJournal,
    readonly events: EventStreamPublisher,
  ) {}

  static async open(options: ReplicaOptions): Promise<RedisReplica> {
    const { client, prefix } = options;
    const logger: Logger = options.logger ?? silentLogger;
    let replica: RedisReplica | null = null;
    const writer = new FencedWriter({
      client,
      fenceKey: centerKeys(prefix).fence,
      token: null,
      muted: true,
      logger,
      onStop: (error) => {
        replica?.stopped?.();
        options.onStop?.(error);
      },
    });
    const [store, journal, events] = await Promise.all([
      RedisStore.open({ client, prefix, writer, logger }),
      RedisJournal.open({ client, prefix, writer, logger }),
      EventStreamPublisher.open({
        client,
        prefix,
        writer,
        ...(options.maxEvents ? { maxLen: options.maxEvents } : {}),
      }),
    ]);
    replica = new RedisReplica(options, writer, store, journal, events);
    if (options.following) replica.catchUp([...journal.entries()]);
    return replica;
  }

  /** Journal entries applied to the replica so far. */
  get applied(): number {
    return this.replay?.replayed ?? 0;
  }

  /** Reads and applies what the active engine journaled, every `pollMs`, until taking over. */
  follow(pollMs: number): void {
    const logger = this.options.logger ?? silentLogger;
    this.following = (async () => {
      while (!this.stopFollowing) {
        let entries: JournalEntry[];
        try {
          entries = await this.journal.readNew();
        } catch (err) {
          logger.warn({ err: String(err) }, 'reading the journal failed; retrying');
          await new Promise((r) => setTimeout(r, pollMs));
          continue;
        }
        try {
          this.catchUp(entries);
        } catch (err) {
          // A replica that skipped an entry is wrong from there on: take over cold instead.
          this.diverged = String(err);
          logger.error(
            { err: this.diverged },
            'the replica failed to apply an entry; it stops following',
          );
          return;
        }
        await new Promise((r) => setTimeout(r, pollMs));
      }
    })();
  }

  /** Stops following without taking over (a standby shutting down). */
  async close(): Promise<void> {
    this.stopFollowing = true;
    await this.following;
    this.replay?.clock.stop();
    this.replay?.center.stop();
  }

  /**
   * This process now holds the lease under `token` (null: unfenced, for
   * tests and tools): writes start, fenced; a follower reloads the store
   * (the active engine also stored what no entry says: sign-ins, users,
   * chat) and applies the entries since its last read; then the commands
   * API nodes sent while no engine ran are applied, each at the time it
   * was sent, before the clock catches up, so a customer who hung up
   * meanwhile is closed rather than offered; then commands are consumed live.
   */
  async takeOver(token: number | null): Promise<RedisCenter> {
    const options = this.options;
    const logger: Logger = options.logger ?? silentLogger;
    this.stopFollowing = true;
    await this.following;
    if (this.diverged !== null) {
      logger.warn({ why: this.diverged }, 'taking over cold: the replica diverged');
      await this.close();
      const cold = await RedisReplica.open({ ...options, following: false });
      return cold.takeOver(token);
    }
    this.writer.arm(token);
    if (options.following) {
      const followed = this.applied;
      await this.store.reload();
      this.catchUp(await this.journal.readNew());
      logger.info({ followed, tail: this.applied - followed }, 'standby taking over');
    }
    const commands = await CommandConsumer.open({
      client: options.client,
      prefix: options.prefix,
      writer: this.writer,
      schema: Command,
      logger,
    });
    await options.beforeOpen?.(this.store);
    // Started cold: the whole journal now, after the store is seeded, as it always was.
    if (!options.following) this.catchUp([...this.journal.entries()]);

    // Time stands still at the last journaled instant until the waiting
    // commands are in, then catches up with the wall clock.
    const realNow = options.wallNow ?? (() => Date.now());
    const lastAt = [...this.journal.entries()].at(-1)?.at;
    const firstSent = commands.pending[0]?.sentAt;
    this.frozenAt =
      commands.pending.length === 0
        ? null
        : (lastAt ?? Math.min(firstSent ?? realNow(), realNow()));
    const replay = this.replayOrStart();
    const opened = replay.goLive(this.journal);
    const execute = (command: Command) => executeCommand(opened.center, command);
    for (const entry of commands.pending) {
      this.frozenAt = Math.min(Math.max(entry.sentAt, opened.clock.now()), realNow());
      commands.apply(entry, execute);
    }
    this.frozenAt = null;
    opened.clock.catchUp();
    if (commands.pending.length > 0) {
      logger.info(
        { applied: commands.pending.length },
        'applied commands sent while no engine ran',
      );
    }

    await commands.start(execute);
    const stop = async () => {
      opened.clock.stop();
      await commands.stop();
    };
    this.stopped = () => void stop();
    return {
      ...opened,
      store: this.store,
      journal: this.journal,
      writer: this.writer,
      events: this.events,
      commands,
      caughtUp: commands.pending.length,
      stop: async () => {
        await stop();
        await this.writer.flush();
      },
    };
  }

  /** Applies entries to the replica, making it on the first (its clock starts there). */
  private catchUp(entries: JournalEntry[]): void {
    if (entries.length === 0) return;
    this.replayOrStart(entries[0]!.at).apply(entries);
  }

  /** The replica, made on the first entry (or now, for a center with none). */
  private replayOrStart(firstAt?: number): ReplayingCenter {
    if (this.replay) return this.replay;
    const realNow = this.options.wallNow ?? (() => Date.now());
    this.replay = replayCenter({
      ...this.options,
      store: this.store,
      logger: this.options.logger ?? silentLogger,
      wallNow: () => this.frozenAt ?? realNow(),
      firstAt: firstAt ?? null,
      beforeReplay: (center) => {
        this.events.attach(center);
        this.options.beforeReplay?.(center, this.store);
      },
    });
    return this.replay;
  }
}
