/**
 * The signed-in user of a staff page. The session itself is the httpOnly
 * cookie set by `POST /api/login`; the user's name and role are kept in
 * localStorage only to know, after a reload or in a new tab, that there is a session to
 * confirm with `GET /api/session` (so a signed-out visitor never causes a
 * 401 just by opening the page).
 */
import { useCallback, useEffect, useState } from 'react';
import { session } from '../api/api';
import { ApiError } from '../api/ApiError';
import type { SessionUser } from '../api/types';

const key = 'switchboard.user';

export interface SessionState {
  user: SessionUser | null;
  /** True while a remembered session is being confirmed. */
  checking: boolean;
  signIn(username: string, password: string): Promise<SessionUser>;
  signOut(): Promise<void>;
}

export function useSession(): SessionState {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [checking, setChecking] = useState(() => remembered() !== null);

  useEffect(() => {
    if (remembered() === null) return;
    let live = true;
    session
      .whoami()
      .then((who) => live && setUser(who.user))
      .catch(() => live && forget())
      .finally(() => live && setChecking(false));
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const signed = await session.login(username, password);
    localStorage.setItem(key, JSON.stringify(signed.user));
    setUser(signed.user);
    return signed.user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await session.logout();
    } catch (err) {
      // An expired session is signed out already.
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
    } finally {
      forget();
      setUser(null);
    }
  }, []);

  return { user, checking, signIn, signOut };
}

function remembered(): string | null {
  return localStorage.getItem(key);
}

function forget(): void {
  localStorage.removeItem(key);
}
