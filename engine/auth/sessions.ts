/**
 * Sessions: signing users in with a password, issuing customers a token
 * scoped to their contact, and turning a presented token back into a
 * principal. Time comes from the injected clock, so expiry is testable.
 */
import type { AdminStore, Store } from '../store/store.js';
import type { PasswordHasher } from './password-hasher.js';
import type { Principal } from './principal.js';
import { hashToken, newToken } from './session-token.js';

export interface SessionsOptions {
  store: Store & Pick<AdminStore, 'deleteSessionsOfUser'>;
  hasher: PasswordHasher;
  now: () => number;
  /** How long a user session lasts; default 12 hours (one shift). */
  userTtlMs?: number;
  /** How long a customer's contact token lasts; default 24 hours. */
  customerTtlMs?: number;
}

export interface IssuedSession {
  token: string;
  expiresAt: number;
  principal: Principal;
}

export class Sessions {
  readonly userTtlMs: number;
  readonly customerTtlMs: number;
  private readonly store: SessionsOptions['store'];
  private readonly hasher: PasswordHasher;
  private readonly now: () => number;
  private decoy: Promise<string> | null = null;

  constructor(options: SessionsOptions) {
    this.store = options.store;
    this.hasher = options.hasher;
    this.now = options.now;
    this.userTtlMs = options.userTtlMs ?? 12 * 3_600_000;
    this.customerTtlMs = options.customerTtlMs ?? 24 * 3_600_000;
  }

  /** A new session for a user, or null when the name or password is wrong. */
  async login(username: string, password: string): Promise<IssuedSession | null> {
    const user = this.store.findUserByUsername(username);
    // An unknown name costs the same hash as a known one, so response time
    // does not tell which usernames exist.
    this.decoy ??= this.hasher.hash('decoy password, never valid');
    const ok = await this.hasher.verify(user?.passwordHash ?? (await this.decoy), password);
    if (!user || !ok) return null;

    const token = newToken();
    const now = this.now();
    const expiresAt = now + this.userTtlMs;
    const tokenHash = hashToken(token);
    this.store.saveSession({
      tokenHash,
      userId: user.id,
      contactId: null,
      createdAt: now,
      expiresAt,
    });
    return {
      token,
      expiresAt,
      principal: {
        kind: 'user',
        userId: user.id,
        username: user.username,
        role: user.role,
        agentId: user.agentId,
        tokenHash,
      },
    };
  }

  /** A token that lets its holder see and leave one contact, and nothing else. */
  issueForContact(contactId: string): IssuedSession {
    const token = newToken();
    const now = this.now();
    const expiresAt = now + this.customerTtlMs;
    const tokenHash = hashToken(token);
    this.store.saveSession({ tokenHash, userId: null, contactId, createdAt: now, expiresAt });
    return { token, expiresAt, principal: { kind: 'customer', contactId, tokenHash } };
  }

  /** The principal a token stands for, or null if unknown or expired. */
  resolve(token: string): Principal | null {
    const tokenHash = hashToken(token);
    const session = this.store.getSession(tokenHash);
    if (!session) return null;
    if (session.expiresAt <= this.now()) {
      this.store.deleteSession(tokenHash);
      return null;
    }
    if (session.contactId !== null)
      return { kind: 'customer', contactId: session.contactId, tokenHash };

    const user = session.userId !== null ? this.store.getUser(session.userId) : null;
    if (!user) return null;
    return {
      kind: 'user',
      userId: user.id,
      username: user.username,
      role: user.role,
      agentId: user.agentId,
      tokenHash,
    };
  }

  end(principal: Principal): void {
    this.store.deleteSession(principal.tokenHash);
  }

  /**
   * Whether the session a principal was resolved from still stands: not
   * ended, revoked or expired. Live sockets ask this, since they outlive
   * the request that opened them.
   */
  isCurrent(principal: Principal): boolean {
    const session = this.store.getSession(principal.tokenHash);
    return session !== null && session.expiresAt > this.now();
  }

  /** Ends every session of a user, on every device; returns how many. */
  revokeUser(userId: string): number {
    return this.store.deleteSessionsOfUser(userId);
  }

  /** Drops expired sessions; the server calls this now and then. */
  sweep(): number {
    return this.store.deleteExpiredSessions(this.now());
  }
}
