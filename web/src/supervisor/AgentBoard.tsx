/**
 * Every agent as a card with its workload icons. Dragging an icon onto
 * another agent reassigns the contact; the keyboard route to the same
 * action is the contact's profile ("Reassign to…"), opened with Enter.
 * Only the cards in view are rendered, so 500 agents cost what 40 do.
 */
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { ChannelIcon } from '../common/ChannelIcon';
import type { CenterSnapshot } from '../live/CenterSnapshot';
import type { LiveContact } from '../live/LiveContact';
import { useWindowedGrid } from '../common/useWindowedGrid';
import { AgentCard, agentCardHeight, agentCardMinWidth, agentGridGap } from './AgentCard';
import { canReassign } from './reassign';
import { statusLabel } from './WorkloadIcon';

export interface AgentBoardProps {
  snapshot: CenterSnapshot;
  onOpenContact(contactId: string): void;
  onReassign(contact: LiveContact, agentId: string): void;
}

const instructions = {
  draggable:
    'Press Enter to open this contact; its profile has a Reassign to… menu. ' +
    'With a pointer, drag the icon onto another agent to reassign it.',
};

export function AgentBoard({ snapshot, onOpenContact, onReassign }: AgentBoardProps) {
  const [filter, setFilter] = useState('');
  const [showLoggedOut, setShowLoggedOut] = useState(false);
  const [dragged, setDragged] = useState<LiveContact | null>(null);
  const deferredFilter = useDeferredValue(filter);
  // A small move starts a drag; a plain click still opens the profile.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  const agents = useMemo(() => {
    const needle = deferredFilter.trim().toLowerCase();
    return snapshot.agents.filter(
      (m) =>
        (showLoggedOut || m.agent.state !== 'loggedOut' || m.workload.length > 0) &&
        (!needle ||
          m.agent.name.toLowerCase().includes(needle) ||
          m.agent.agentId.toLowerCase().includes(needle)),
    );
  }, [snapshot.agents, deferredFilter, showLoggedOut]);

  const scroller = useRef<HTMLDivElement>(null);
  const win = useWindowedGrid(scroller, agents.length, {
    rowHeight: agentCardHeight + agentGridGap,
    minColumnWidth: agentCardMinWidth + agentGridGap,
  });

  const nameOf = useCallback(
    (id: string) => snapshot.agentById.get(id)?.agent.name ?? id,
    [snapshot.agentById],
  );
  const announcements = useMemo<Announcements>(() => announce(nameOf), [nameOf]);

  function start(e: DragStartEvent) {
    setDragged((e.active.data.current?.contact as LiveContact | undefined) ?? null);
  }

  function end(e: DragEndEvent) {
    setDragged(null);
    const contact = e.active.data.current?.contact as LiveContact | undefined;
    const agentId = e.over?.data.current?.agentId as string | undefined;
    if (contact && agentId && canReassign(contact, agentId)) onReassign(contact, agentId);
  }

  return (
    <section className="panel agent-board" aria-labelledby="agents-title">
      <header className="panel-head">
        <h2 id="agents-title">Agents</h2>
        <span className="muted">
          {agents.length} shown of {snapshot.agents.length}
        </span>
        <label className="inline grow-right">
          <span className="visually-hidden">Find an agent</span>
          <input
            type="search"
            placeholder="Find an agent"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={showLoggedOut}
            onChange={(e) => setShowLoggedOut(e.target.checked)}
          />
          Logged out too
        </label>
      </header>
      <Legend />
      <DndContext
        sensors={sensors}
        collisionDetection={pointerWithin}
        onDragStart={start}
        onDragEnd={end}
        onDragCancel={() => setDragged(null)}
        accessibility={{ announcements, screenReaderInstructions: instructions }}
      >
        <div className="agent-scroller" ref={scroller}>
          <ul
            className="agent-grid"
            data-testid="agent-grid"
            style={{
              gridTemplateColumns: `repeat(${win.columns}, minmax(0, 1fr))`,
              gap: agentGridGap,
              paddingTop: win.padTop,
              paddingBottom: win.padBottom,
            }}
          >
            {agents.slice(win.start, win.end).map((m) => (
              <AgentCard key={m.agent.agentId} model={m} onOpenContact={onOpenContact} />
            ))}
          </ul>
        </div>
        <DragOverlay dropAnimation={null}>
          {dragged && (
            <span className={`work-icon status-${dragged.status} overlay`}>
              <ChannelIcon channel={dragged.channel} size={14} />
            </span>
          )}
        </DragOverlay>
      </DndContext>
      {snapshot.loaded && agents.length === 0 && (
        <p className="empty-state">No agent is logged in.</p>
      )}
    </section>
  );
}

function Legend() {
  const shown = ['waiting', 'ringing', 'active', 'held', 'wrapUp'] as const;
  return (
    <ul className="legend" aria-label="Icon legend">
      {shown.map((s) => (
        <li key={s}>
          <span className={`work-icon status-${s} sample`} aria-hidden="true" />
          {statusLabel[s]}
        </li>
      ))}
    </ul>
  );
}

function announce(nameOf: (id: string) => string): Announcements {
  const agentOf = (id: string | number | undefined) =>
    typeof id === 'string' ? nameOf(id.replace(/^agent:/, '')) : 'no agent';
  return {
    onDragStart: () => 'Picked up a contact.',
    onDragOver: ({ over }) => (over ? `Over ${agentOf(over.id)}.` : 'Not over an agent.'),
    onDragEnd: ({ over }) =>
      over ? `Reassigning to ${agentOf(over.id)}.` : 'Dropped; nothing changed.',
    onDragCancel: () => 'Cancelled; nothing changed.',
  };
}
