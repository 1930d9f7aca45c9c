/**
 * The one path by which an engine writes to Redis: store writes, journal
 * appends, event publishes, command replies. Writes are queued in order
 * and sent as batches, one batch in flight at a time; each batch is one
 * Lua script that first checks the center's fencing token and then
 * applies every write, so a batch lands whole or not at all, and a
 * deposed engine (whose token is no longer current) changes nothing.
 *
 * Batches never split what one synchronous run of the engine queued (a
 * command with its store writes, events and journal entry), so what
 * Redis holds is always a prefix of the engine's history, cut between
 * commands. A batch whose outcome is unknown (connection lost before the
 * reply) is sent again; every write is idempotent for that reason (HSET,
 * SET, HDEL, ZADD, DEL, XADD with an explicit id that is skipped when present),
 * and replies, the one exception, are deduplicated by their reader.
 */
import { ClientClosedError, ErrorReply } from 'redis';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { LuaScript } from './lua-script.js';
import { reconnectDelay, type RedisConnection } from './redis-connection.js';

/** One write on one key; `args` follow the key as in redis-cli. */
export interface WriteOp {
  command:
    | 'SET'
    | 'DEL'
    | 'HSET'
    | 'HDEL'
    | 'ZADD'
    | 'ZREM'
    | 'XADD'
    | 'XTRIM'
    | 'XDEL'
    | 'RPUSH'
    | 'PEXPIRE';
  key: string;
  args: readonly (string | number)[];
}

/** This engine's token is no longer the center's: another engine took over. */
export class FencedError extends Error {
  override readonly name = 'FencedError';
}

/** Redis refused a batch for a reason retrying cannot fix. */
export class RedisWriteError extends Error {
  override readonly name = 'RedisWriteError';
}

export interface FencedWriterOptions {
  client: RedisConnection;
  /** The center's fence key (`centerKeys(prefix).fence`). */
  fenceKey: string;
  /** The token from `Lease.acquire`; null writes without a fence (tests, tools). */
  token: number | null;
  /**
   * Drops every write until `arm` gives it a token: a standby's replica
   * follows the journal without writing what the active engine wrote.
   */
  muted?: boolean;
  logger?: Logger;
  /** Called once when writing stops for good: fenced, or refused by Redis. */
  onStop?: (error: FencedError | RedisWriteError) => void;
  /** Most writes in one batch, unless a single run is larger. */
  maxBatchOps?: number;
}

// KEYS[1] is the fence; KEYS[2..] the keys the writes touch. ARGV[1] is
// the token ('' when unfenced), ARGV[2] the writes as JSON
// [[command, keyIndex, arg...], ...]. An XADD whose id is already in the
// stream was applied by an earlier attempt of this batch and is skipped.
const applyBatch = new LuaScript(`
if ARGV[1] ~= '' then
  local current = redis.call('GET', KEYS[1])
  if current ~= ARGV[1] then
    return redis.error_reply('FENCED token ' .. ARGV[1] .. ' is not the current one (' .. tostring(current) .. ')')
  end
end
local ops = cjson.decode(ARGV[2])
for i = 1, #ops do
  local op = ops[i]
  if op[1] == 'XADD' then
    local reply = redis.pcall('XADD', KEYS[op[2]], unpack(op, 3))
    if type(reply) == 'table' and reply.err and not string.find(reply.err, 'equal or smaller', 1, true) then
      return redis.error_reply(reply.err)
    end
  else
    redis.call(op[1], KEYS[op[2]], unpack(op, 3))
  end
end
return #ops
`);

/** Replies after which the same batch may succeed when sent again. */
const transientReplies = ['LOADING', 'BUSY', 'TRYAGAIN', 'MASTERDOWN', 'READONLY', 'CLUSTERDOWN'];

type State = 'muted' | 'open' | 'stopped' | 'abandoned' | 'closed';

interface Waiter {
  target: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

export class FencedWriter {
  private fenceToken: number | null;
  private readonly client: RedisConnection;
  private readonly fenceKey: string;
  private readonly logger: Logger;
  private readonly onStop: FencedWriterOptions['onStop'];
  private readonly maxBatchOps: number;
  /** Queued writes, grouped by the synchronous run that queued them. */
  private readonly runs: WriteOp[][] = [];
  /** The group still taking writes, until the current synchronous run ends. */
  private openRun: WriteOp[] | null = null;
  private waiters: Waiter[] = [];
  private queued = 0;
  private acknowledged = 0;
  private pumping = false;
  private state: State;
  private stopError: FencedError | RedisWriteError | null = null;

  constructor(options: FencedWriterOptions) {
    this.client = options.client;
    this.fenceKey = options.fenceKey;
    this.fenceToken = options.token;
    this.logger = options.logger ?? silentLogger;
    this.onStop = options.onStop;
    this.maxBatchOps = options.maxBatchOps ?? 1_000;
    this.state = options.muted ? 'muted' : 'open';
  }

  get token(): number | null {
    return this.fenceToken;
  }

  /** A muted writer starts writing, fenced by `token` (null: unfenced): its standby holds the lease. */
  arm(token: number | null): void {
    if (this.state !== 'muted')
      throw new Error(`only a muted writer can be armed, not a ${this.state} one`);
    this.fenceToken = token;
    this.state = 'open';
  }

  /** Why writing stopped, or null while it goes on. */
  get stopped(): FencedError | RedisWriteError | null {
    return this.stopError;
  }

  /** Writes queued and not yet acknowledged by Redis. */
  get pending(): number {
    return this.queued - this.acknowledged;
  }

  /**
   * Queues writes after every write queued before. Never throws: the
   * engine calls this in the middle of a step. After a stop the writes
   * are dropped; `flush()` and `onStop` report why.
   */
  write(...ops: WriteOp[]): void {
    if (ops.length === 0) return;
    if (this.state !== 'open') {
      // A standby's replica: what it would write, the active engine has written.
      if (this.state === 'muted') return;
      if (this.state === 'closed')
        this.logger.warn({ ops: ops.length }, 'write after the redis writer was closed');
      return;
    }
    let run = this.openRun;
    if (!run) {
      const fresh: WriteOp[] = [];
      this.runs.push(fresh);
      this.openRun = run = fresh;
      // Whatever the same synchronous run queues joins this group.
      queueMicrotask(() => {
        if (this.openRun === fresh) this.openRun = null;
      });
    }
    run.push(...ops);
    this.queued += ops.length;
    if (!this.pumping) {
      this.pumping = true;
      queueMicrotask(() => void this.pump());
    }
  }

  /** Resolves once every write queued so far is acknowledged by Redis. */
  flush(): Promise<void> {
    if (this.stopError) return Promise.reject(this.stopError);
    if (this.state === 'abandoned')
      return Promise.reject(new Error('the redis writer was abandoned'));
    if (this.acknowledged >= this.queued) return Promise.resolve();
    return new Promise((resolve, reject) =>
      this.waiters.push({ target: this.queued, resolve, reject }),
    );
  }

  /** Flushes, then refuses further writes. The client stays open. */
  async close(): Promise<void> {
    await this.flush();
    this.state = 'closed';
  }

  /**
   * Forgets every write not yet sent, as a crash would, and stops. A
   * batch already in flight may still land. For tests and for an engine
   * that learned it is deposed.
   */
  abandon(): void {
    if (this.state === 'open') this.state = 'abandoned';
    this.runs.length = 0;
    this.openRun = null;
    this.rejectWaiters(new Error('the redis writer was abandoned'));
  }

  private async pump(): Promise<void> {
    try {
      while (this.state === 'open' && this.runs.length > 0) {
        const batch = this.takeBatch();
        if (!(await this.send(batch))) return;
        this.acknowledged += batch.length;
        this.resolveWaiters();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Whole runs, oldest first, up to the batch limit (at least one run). */
  private takeBatch(): WriteOp[] {
    const batch = [...this.runs.shift()!];
    while (this.runs.length > 0 && batch.length + this.runs[0]!.length <= this.maxBatchOps) {
      batch.push(...this.runs.shift()!);
    }
    // The pump runs between synchronous runs, so a group it takes is
    // complete even if its closing microtask has not run yet.
    if (this.openRun && !this.runs.includes(this.openRun)) this.openRun = null;
    return batch;
  }

  /** Sends one batch until it lands; false when writing stopped instead. */
  private async send(batch: WriteOp[]): Promise<boolean> {
    const { keys, ops } = encode(this.fenceKey, batch);
    const args = [this.token === null ? '' : String(this.token), JSON.stringify(ops)];
    for (let attempt = 0; ; attempt++) {
      if (this.state !== 'open') return false;
      try {
        await applyBatch.run(this.client, keys, args);
        return true;
      } catch (err) {
        if (err instanceof ErrorReply && err.message.startsWith('FENCED')) {
          this.stop(new FencedError(`writes refused: ${err.message.slice('FENCED '.length)}`));
          return false;
        }
        if (!isTransient(err)) {
          this.stop(
            new RedisWriteError(`redis refused a batch of ${batch.length} writes: ${message(err)}`),
          );
          return false;
        }
        this.logger.warn(
          { attempt, writes: batch.length, err: message(err) },
          'redis batch failed; sending it again',
        );
        await new Promise((r) => setTimeout(r, reconnectDelay(attempt)));
      }
    }
  }

  private stop(error: FencedError | RedisWriteError): void {
    this.state = 'stopped';
    this.stopError = error;
    this.runs.length = 0;
    this.openRun = null;
    this.logger.error({ err: error.message }, 'redis writer stopped');
    this.rejectWaiters(error);
    this.onStop?.(error);
  }

  private resolveWaiters(): void {
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.target <= this.acknowledged) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  private rejectWaiters(error: Error): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(error);
  }
}

/** The batch as script arguments: keys listed once, writes pointing at them. */
function encode(
  fenceKey: string,
  batch: WriteOp[],
): { keys: string[]; ops: (string | number)[][] } {
  const keys = [fenceKey];
  const index = new Map<string, number>([[fenceKey, 1]]);
  const ops = batch.map((op) => {
    let i = index.get(op.key);
    if (i === undefined) {
      keys.push(op.key);
      i = keys.length;
      index.set(op.key, i);
    }
    // Strings only: cjson would turn large numbers into floats.
    return [op.command, i, ...op.args.map(String)];
  });
  return { keys, ops };
}

function isTransient(err: unknown): boolean {
  if (err instanceof ClientClosedError) return false;
  if (err instanceof ErrorReply) return transientReplies.some((p) => err.message.startsWith(p));
  return true;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
