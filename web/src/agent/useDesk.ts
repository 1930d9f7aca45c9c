/**
 * The agent's desk state: the desk read over HTTP (every action answers
 * with it), refreshed when the agent's socket says something changed, and
 * the timing facts only events carry (when an offer stops ringing, when
 * wrap-up ends, which contacts are on hold).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { agentApi } from '../api/api';
import { describeError } from '../api/ApiError';
import { LiveSocket } from '../api/LiveSocket';
import type { AgentView, DomainEvent } from '../api/types';

/**
 * A deadline in the server's clock, anchored to this page's clock when the
 * event arrived, so a skew between the two machines does not shorten it.
 */
export interface Deadline {
  /** Local `Date.now()` at which the deadline falls. */
  localAt: number;
}

export interface DeskTimings {
  offerEnds: ReadonlyMap<string, Deadline>;
  wrapUpEnds: ReadonlyMap<string, Deadline>;
  onHold: ReadonlySet<string>;
}

export interface Desk {
  desk: AgentView | null;
  /** The desk's live socket, shared with its chats and calls. */
  socket: LiveSocket | null;
  timings: DeskTimings;
  error: string | null;
  busy: boolean;
  clearError(): void;
  /** Runs a desk action; its answer becomes the desk. */
  run(action: () => Promise<AgentView>): Promise<void>;
}

const refreshDelayMs = 80;

export function useDesk(): Desk {
  const [desk, setDesk] = useState<AgentView | null>(null);
  const [timings, setTimings] = useState<DeskTimings>(() => ({
    offerEnds: new Map(),
    wrapUpEnds: new Map(),
    onHold: new Set(),
  }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const reload = useCallback(() => {
    agentApi
      .me()
      .then(setDesk)
      .catch((err: unknown) => setError(describeError(err)));
  }, []);

  useEffect(() => {
    const soon = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(reload, refreshDelayMs);
    };
    const onEvent = (e: DomainEvent) => {
      setTimings((t) => nextTimings(t, e));
      soon();
    };
    const onSnapshot = (_seq: number, state: unknown) => {
      const agent = (state as { agent?: AgentView } | null)?.agent;
      if (agent && typeof agent === 'object' && 'workload' in agent) setDesk(agent);
      else soon();
    };
    reload();
    const live = new LiveSocket({ onEvent, onSnapshot }).start();
    setSocket(live);
    return () => {
      live.stop();
      setSocket(null);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload]);

  const run = useCallback(
    async (action: () => Promise<AgentView>) => {
      setBusy(true);
      setError(null);
      try {
        setDesk(await action());
      } catch (err) {
        setError(describeError(err));
        reload();
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );

  return { desk, socket, timings, error, busy, run, clearError: () => setError(null) };
}

function nextTimings(t: DeskTimings, e: DomainEvent): DeskTimings {
  const anchor = (deadline: number): Deadline => ({ localAt: Date.now() + (deadline - e.at) });
  switch (e.type) {
    case 'contact.offered':
      return { ...t, offerEnds: new Map(t.offerEnds).set(e.contactId, anchor(e.expiresAt)) };
    case 'contact.ended':
      return { ...t, wrapUpEnds: new Map(t.wrapUpEnds).set(e.contactId, anchor(e.wrapUpUntil)) };
    case 'contact.held': {
      const onHold = new Set(t.onHold);
      if (e.onHold) onHold.add(e.contactId);
      else onHold.delete(e.contactId);
      return { ...t, onHold };
    }
    default:
      return t;
  }
}
