/**
 * Users and sessions on Redis, for RedisStore: held in memory after the
 * store loads them, every change queued through the center's
 * FencedWriter. User numbers only grow (`users:last`), so a deleted
 * user's id is never handed out again, as in the SQLite store.
 */
import type { NewUser, Session, User } from '../store/store.js';
import type { CenterKeys } from './center-keys.js';
import type { FencedWriter, WriteOp } from './fenced-writer.js';
import type { StoreSnapshot } from './store-snapshot.js';

export class RedisUsers {
  private readonly users = new Map<string, User>();
  /** Lower-cased username → user id. */
  private readonly usernames = new Map<string, string>();
  private readonly sessions = new Map<string, Session>();
  private lastNumber = 0;

  constructor(
    private readonly writer: FencedWriter,
    private readonly keys: CenterKeys,
    private readonly now: () => number,
    snapshot: Pick<StoreSnapshot, 'users' | 'usersLast' | 'sessions'>,
  ) {
    for (const u of snapshot.users) {
      this.users.set(u.id, u);
      this.usernames.set(u.username.toLowerCase(), u.id);
      // Data written before `users:last` existed: the highest id present.
      this.lastNumber = Math.max(this.lastNumber, numberOf(u.id));
    }
    this.lastNumber = Math.max(this.lastNumber, snapshot.usersLast);
    for (const s of snapshot.sessions) this.sessions.set(s.tokenHash, s);
  }

  create(input: NewUser): User {
    const name = input.username.toLowerCase();
    if (this.usernames.has(name)) throw new Error(`username ${input.username} is taken`);
    this.lastNumber += 1;
    const user: User = { ...input, id: `u${this.lastNumber}`, createdAt: this.now() };
    this.users.set(user.id, user);
    this.usernames.set(name, user.id);
    this.writer.write(
      { command: 'HSET', key: this.keys.users, args: [user.id, JSON.stringify(user)] },
      { command: 'HSET', key: this.keys.usernames, args: [name, user.id] },
      { command: 'SET', key: this.keys.usersLast, args: [this.lastNumber] },
    );
    return user;
  }

  get(id: string): User | null {
    return this.users.get(id) ?? null;
  }

  findByUsername(username: string): User | null {
    const id = this.usernames.get(username.toLowerCase());
    return id === undefined ? null : (this.users.get(id) ?? null);
  }

  list(): User[] {
    return [...this.users.values()];
  }

  /** Removes a user and every session of it; false if unknown. */
  delete(id: string): boolean {
    const user = this.users.get(id);
    if (!user) return false;

    const name = user.username.toLowerCase();
    this.users.delete(id);
    this.usernames.delete(name);
    this.writer.write(
      { command: 'HDEL', key: this.keys.users, args: [id] },
      { command: 'HDEL', key: this.keys.usernames, args: [name] },
    );
    this.deleteSessionsWhere((s) => s.userId === id);
    return true;
  }

  saveSession(session: Session): void {
    this.sessions.set(session.tokenHash, session);
    this.writer.write(
      // PXAT: Redis drops the session itself when it expires (server clock).
      {
        command: 'SET',
        key: this.keys.session(session.tokenHash),
        args: [JSON.stringify(session), 'PXAT', session.expiresAt],
      },
      { command: 'ZADD', key: this.keys.sessions, args: [session.expiresAt, session.tokenHash] },
    );
  }

  getSession(tokenHash: string): Session | null {
    return this.sessions.get(tokenHash) ?? null;
  }

  deleteSession(tokenHash: string): void {
    this.deleteSessionsWhere((s) => s.tokenHash === tokenHash);
  }

  /** Removes the sessions that match; returns how many. */
  deleteSessionsWhere(match: (session: Session) => boolean): number {
    const ops: WriteOp[] = [];
    for (const [hash, session] of this.sessions) {
      if (!match(session)) continue;
      this.sessions.delete(hash);
      ops.push(
        { command: 'DEL', key: this.keys.session(hash), args: [] },
        { command: 'ZREM', key: this.keys.sessions, args: [hash] },
      );
    }
    this.writer.write(...ops);
    return ops.length / 2;
  }
}

function numberOf(id: string): number {
  return Number(id.replace(/^\D+/, '')) || 0;
}
