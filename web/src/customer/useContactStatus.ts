/**
 * Follows one contact for its customer: reads its state over HTTP, again
 * on every event of the customer's socket, and every few seconds while it
 * waits (its place in line moves when others are served, which the
 * customer's socket does not carry). The socket is shared with the
 * contact's chat and call.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { customerApi } from '../api/api';
import { describeError } from '../api/ApiError';
import { LiveSocket } from '../api/LiveSocket';
import type { ContactView } from '../api/types';

const pollWhileWaitingMs = 4_000;

export interface ContactStatus {
  contact: ContactView | null;
  /** The customer's live socket, once open. */
  socket: LiveSocket | null;
  error: string | null;
  refresh(): void;
}

export function useContactStatus(contactId: string, token: string): ContactStatus {
  const [contact, setContact] = useState<ContactView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    customerApi
      .status(contactId, token, controller.signal)
      .then((view) => {
        setContact(view);
        setError(null);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setError(describeError(err));
      });
  }, [contactId, token]);

  useEffect(() => {
    refresh();
    const live = new LiveSocket({ onEvent: refresh, onSnapshot: refresh }, { token }).start();
    setSocket(live);
    return () => {
      live.stop();
      setSocket(null);
      inFlight.current?.abort();
    };
  }, [refresh, token]);

  const waiting = contact?.state === 'queued';
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(refresh, pollWhileWaitingMs);
    return () => clearInterval(timer);
  }, [waiting, refresh]);

  return { contact, socket, error, refresh };
}
