/**
 * Connects a `CenterStore` to the server for the supervisor's pages. The
 * socket's first message is a snapshot (or one after a gap it cannot
 * replay); each makes the picture be read again over HTTP. Events that
 * arrive while it is read are held back and applied after it: each event
 * sets an absolute state, so one the picture already shows is harmless.
 * The queue on screen is re-read, at most once a second, when a move
 * makes its order unknowable from events.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { statsApi, supervisorApi } from '../api/api';
import { describeError } from '../api/ApiError';
import { LiveSocket, type LiveStatus } from '../api/LiveSocket';
import type { ContactDetail, DomainEvent, RealtimeSnapshot } from '../api/types';
import { CenterStore } from './CenterStore';
import { throttledSchedule } from './throttledSchedule';

export interface CenterLive {
  store: CenterStore;
  realtime: RealtimeSnapshot | null;
  socket: LiveStatus;
  /** The socket itself, for a chat a supervisor opens (chat.resume, whispers). */
  connection: LiveSocket | null;
  error: string | null;
  /** Reads the whole picture again over HTTP. */
  reload(): void;
  /** Names the queue whose order is on screen, so it is kept fresh. */
  watchQueue(queueId: string | null): void;
  /** Re-reads one queue's order now. */
  refreshQueue(queueId: string): void;
}

const queueRefreshMs = 1_000;
const statsPollMs = 10_000;
/** Read over HTTP anyway if the socket has not given a snapshot by then. */
const snapshotGraceMs = 2_000;

export function useCenterLive(): CenterLive {
  const watched = useRef<string | null>(null);
  const staleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const held = useRef<DomainEvent[] | null>(null);
  const [realtime, setRealtime] = useState<RealtimeSnapshot | null>(null);
  const [connection, setConnection] = useState<LiveSocket | null>(null);
  const [socket, setSocket] = useState<LiveStatus>('connecting');
  const [error, setError] = useState<string | null>(null);
  const [store] = useState(
    () =>
      new CenterStore({
        schedule: throttledSchedule(150),
        onQueueStale(queueId) {
          if (queueId !== watched.current || staleTimer.current) return;
          staleTimer.current = setTimeout(() => {
            staleTimer.current = null;
            if (watched.current) refreshQueueRef.current(watched.current);
          }, queueRefreshMs);
        },
      }),
  );

  const refreshQueue = useCallback(
    (queueId: string) => {
      supervisorApi
        .queueContacts(queueId)
        .then((list) => store.replaceQueueOrder(queueId, list))
        .catch((err: unknown) => setError(describeError(err)));
    },
    [store],
  );
  const refreshQueueRef = useRef(refreshQueue);
  refreshQueueRef.current = refreshQueue;

  const reload = useCallback(() => {
    if (held.current) return;
    held.current = [];
    void (async () => {
      try {
        const [agents, queues] = await Promise.all([
          supervisorApi.agents(),
          supervisorApi.queues(),
        ]);
        const lists = new Map<string, ContactDetail[]>();
        const shown = watched.current ?? queues[0]?.queueId ?? null;
        if (shown) lists.set(shown, await supervisorApi.queueContacts(shown));
        store.load(agents, queues, lists);
        setError(null);
      } catch (err) {
        setError(describeError(err));
      } finally {
        const events = held.current ?? [];
        held.current = null;
        for (const e of events) store.apply(e);
      }
    })();
  }, [store]);

  useEffect(() => {
    let snapshotSeen = false;
    const onEvent = (e: DomainEvent) => {
      if (held.current) held.current.push(e);
      else store.apply(e);
    };
    const onSnapshot = () => {
      snapshotSeen = true;
      reload();
    };
    const live = new LiveSocket({
      onEvent,
      onSnapshot,
      onStats: setRealtime,
      onStatus: setSocket,
    }).start();
    setConnection(live);
    const grace = setTimeout(() => snapshotSeen || reload(), snapshotGraceMs);

    const readStats = () =>
      statsApi
        .realtime()
        .then(setRealtime)
        .catch(() => undefined);
    readStats();
    const poll = setInterval(readStats, statsPollMs);
    return () => {
      live.stop();
      setConnection(null);
      clearTimeout(grace);
      clearInterval(poll);
      if (staleTimer.current) clearTimeout(staleTimer.current);
    };
  }, [store, reload]);

  const watchQueue = useCallback(
    (queueId: string | null) => {
      const changed = watched.current !== queueId;
      watched.current = queueId;
      if (changed && queueId) refreshQueue(queueId);
    },
    [refreshQueue],
  );

  return { store, realtime, socket, connection, error, reload, watchQueue, refreshQueue };
}
