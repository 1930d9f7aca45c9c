/**
 * Who runs a center: a lease in Redis held by one engine at a time, and a
 * fencing token that grows by one with every acquisition. The lease keeps
 * two engines from both running in the common case; the token makes it
 * safe in the uncommon one (a paused process whose lease lapsed): every
 * write goes through a FencedWriter that checks the token inside Redis,
 * so a deposed engine's writes are refused however late they arrive.
 */
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { centerKeys, type CenterKeys } from './center-keys.js';
import { LuaScript } from './lua-script.js';
import type { RedisConnection } from './redis-connection.js';

export interface LeaseOptions {
  client: RedisConnection;
  prefix: string;
  logger?: Logger;
  /** Measures renewals against the TTL; tests pass their own. */
  now?: () => number;
}

/** A timer loop that can be stopped. */
export interface Running {
  stop(): void;
}

// KEYS: lease, fence. ARGV: holder, ttl ms. Returns the new token or nil.
const acquireScript = new LuaScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('INCR', KEYS[2])
end
return false
`);

// KEYS: lease, fence. ARGV: holder, ttl ms, token. A lapsed lease is taken
// back only if nobody acquired it meanwhile (the token is still ours).
const renewScript = new LuaScript(`
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder == false and redis.call('GET', KEYS[2]) == ARGV[3] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
`);

// KEYS: lease. ARGV: holder.
const releaseScript = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

export class Lease {
  private readonly client: RedisConnection;
  private readonly keys: CenterKeys;
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(options: LeaseOptions) {
    this.client = options.client;
    this.keys = centerKeys(options.prefix);
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => Date.now());
  }

  get fenceKey(): string {
    return this.keys.fence;
  }

  /** The fencing token if the lease was free and is now `holderId`'s; else null. */
  async acquire(holderId: string, ttlMs: number): Promise<number | null> {
    const token = await acquireScript.run(
      this.client,
      [this.keys.lease, this.keys.fence],
      [holderId, String(ttlMs)],
    );
    return token === null ? null : Number(token);
  }

  /** Extends the lease; false when another engine holds it now. */
  async renew(holderId: string, ttlMs: number, token: number): Promise<boolean> {
    const reply = await renewScript.run(
      this.client,
      [this.keys.lease, this.keys.fence],
      [holderId, String(ttlMs), String(token)],
    );
    return Number(reply) === 1;
  }

  /** Frees the lease at once if `holderId` holds it, so a standby need not wait. */
  async release(holderId: string): Promise<boolean> {
    return Number(await releaseScript.run(this.client, [this.keys.lease], [holderId])) === 1;
  }

  async holder(): Promise<string | null> {
    const value = await this.client.get(this.keys.lease);
    return value === null ? null : String(value);
  }

  /** The center's current fencing token; 0 before the first acquisition. */
  async currentToken(): Promise<number> {
    return Number((await this.client.get(this.keys.fence)) ?? 0);
  }

  /**
   * Renews every third of the TTL. Calls `onLost` once, and stops, when
   * another engine holds the lease, or when no renewal succeeded for a
   * whole TTL (Redis unreachable: the lease may have lapsed and been
   * taken, so the engine must stop rather than assume it still leads).
   */
  keep(holderId: string, ttlMs: number, token: number, onLost: (reason: string) => void): Running {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let renewedAt = this.now();
    const lose = (reason: string) => {
      stopped = true;
      this.logger.warn({ holderId, token, reason }, 'center lease lost');
      onLost(reason);
    };
    const tick = async () => {
      try {
        if (await this.renew(holderId, ttlMs, token)) renewedAt = this.now();
        else return lose('another engine holds the lease');
      } catch (err) {
        this.logger.warn({ holderId, err: String(err) }, 'lease renewal failed');
      }
      if (this.now() - renewedAt >= ttlMs) return lose(`no renewal for ${ttlMs} ms`);
      if (!stopped) timer = setTimeout(() => void tick(), ttlMs / 3);
    };
    timer = setTimeout(() => void tick(), ttlMs / 3);
    return {
      stop: () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }

  /**
   * Waits for the lease: tries to acquire it every `pollMs` and, once it
   * has it, calls `onAcquired` with the token and stops polling. A lease
   * whose holder died is taken within its TTL plus one poll interval.
   */
  standby(
    holderId: string,
    ttlMs: number,
    onAcquired: (token: number) => void,
    pollMs = Math.max(50, ttlMs / 4),
  ): Running {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const token = await this.acquire(holderId, ttlMs);
        if (token !== null && !stopped) {
          stopped = true;
          this.logger.info({ holderId, token }, 'center lease acquired');
          onAcquired(token);
          return;
        }
        // Acquired after a stop: hand it straight back.
        if (token !== null) await this.release(holderId);
      } catch (err) {
        this.logger.warn({ holderId, err: String(err) }, 'lease poll failed');
      }
      if (!stopped) timer = setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return {
      stop: () => {
        stopped = true;
        clearTimeout(timer);
      },
    };
  }
}
