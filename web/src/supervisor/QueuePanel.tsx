/**
 * A shared queue's contacts in serving order. The supervisor reorders
 * them by dragging a row's handle (or with the keyboard: Space on the
 * handle, arrows, Space), which sets the contact's position; priority and
 * queue are changed from the contact's profile. Long queues render only
 * the rows in view.
 */
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { useEffect, useMemo, useRef, useState } from 'react';
import { supervisorApi } from '../api/api';
import { describeError } from '../api/ApiError';
import type { RealtimeSnapshot } from '../api/types';
import { ErrorNote } from '../common/ErrorNote';
import { formatSeconds } from '../common/format';
import { useWindowedGrid } from '../common/useWindowedGrid';
import type { CenterSnapshot } from '../live/CenterSnapshot';
import type { CenterLive } from '../live/useCenterLive';
import { QueueRow, queueRowHeight } from './QueueRow';

export interface QueuePanelProps {
  snapshot: CenterSnapshot;
  live: CenterLive;
  realtime: RealtimeSnapshot | null;
  onOpenContact(contactId: string): void;
}

export function QueuePanel({ snapshot, live, realtime, onOpenContact }: QueuePanelProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queueId = chosen ?? snapshot.queues[0]?.queueId ?? null;
  const queue = snapshot.queues.find((q) => q.queueId === queueId) ?? null;
  const contacts = queue?.contacts ?? [];
  const ids = useMemo(() => contacts.map((c) => c.contactId), [contacts]);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useWindowedGrid(scroller, contacts.length, {
    rowHeight: queueRowHeight,
    overscanRows: 8,
  });
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const { watchQueue, refreshQueue, store } = live;

  useEffect(() => {
    watchQueue(queueId);
  }, [queueId, watchQueue]);

  async function drop(e: DragEndEvent) {
    if (!queueId || !e.over || e.active.id === e.over.id) return;
    const contactId = String(e.active.id);
    const position = ids.indexOf(String(e.over.id));
    if (position < 0) return;
    store.moveWithinQueue(queueId, contactId, position);
    try {
      await supervisorApi.setPosition(contactId, position);
      setError(null);
    } catch (err) {
      setError(describeError(err));
    }
    refreshQueue(queueId);
  }

  const now = queueId ? realtime?.queues[queueId] : undefined;

  return (
    <section className="panel queue-panel" aria-labelledby="queue-title">
      <header className="panel-head">
        <h2 id="queue-title">Queue</h2>
        <label className="inline">
          <span className="visually-hidden">Queue shown</span>
          <select
            value={queueId ?? ''}
            onChange={(e) => setChosen(e.target.value)}
            aria-label="Queue shown"
          >
            {snapshot.queues.map((q) => (
              <option key={q.queueId} value={q.queueId}>
                {q.name ?? q.queueId} ({q.contacts.length})
              </option>
            ))}
          </select>
        </label>
      </header>
      <p className="muted small">
        {contacts.length} waiting
        {now
          ? ` · longest ${formatSeconds(now.longestWaitMs)} · ${now.beingOffered} ringing · ${now.callbacksPending} callbacks`
          : ''}
      </p>
      <ErrorNote message={error} onDismiss={() => setError(null)} />
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={(e) => void drop(e)}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <div className="queue-scroller" ref={scroller}>
            <ol
              className="queue-list"
              data-testid="queue-list"
              style={{ paddingTop: rows.padTop, paddingBottom: rows.padBottom }}
            >
              {contacts.slice(rows.start, rows.end).map((c, i) => (
                <QueueRow
                  key={c.contactId}
                  contact={c}
                  position={rows.start + i}
                  onOpen={onOpenContact}
                />
              ))}
            </ol>
            {contacts.length === 0 && <p className="empty-state">Nobody is waiting.</p>}
          </div>
        </SortableContext>
      </DndContext>
    </section>
  );
}
