/**
 * One agent on the board: name (linking to the profile), state and time
 * in it, and the workload as icons. The card is a drop target: a contact
 * dropped on it is reassigned to this agent.
 */
import { useDroppable } from '@dnd-kit/core';
import { memo } from 'react';
import { Elapsed } from '../common/Elapsed';
import { stateLabel } from '../common/format';
import { Link } from '../common/navigation';
import type { AgentCardModel } from '../live/CenterSnapshot';
import { WorkloadIcon } from './WorkloadIcon';

/** Cards have one fixed size so that the board can render only those in view (px). */
export const agentCardHeight = 112;
export const agentCardMinWidth = 216;
export const agentGridGap = 10;

export interface AgentCardProps {
  model: AgentCardModel;
  onOpenContact(contactId: string): void;
}

export const AgentCard = memo(function AgentCard({ model, onOpenContact }: AgentCardProps) {
  const { agent, workload } = model;
  const { setNodeRef, isOver, active } = useDroppable({
    id: `agent:${agent.agentId}`,
    data: { agentId: agent.agentId },
  });
  const dragging = active !== null;
  const inHand = workload.filter((c) => c.status === 'active' || c.status === 'held').length;

  return (
    <li
      ref={setNodeRef}
      className={`agent-card state-${agent.state}${isOver ? ' drop-over' : ''}${dragging ? ' drop-ready' : ''}`}
      data-agent-id={agent.agentId}
      data-agent-state={agent.state}
      aria-label={`${agent.name}, ${stateLabel[agent.state] ?? agent.state}`}
      style={{ height: agentCardHeight }}
    >
      <div className="agent-head">
        <Link
          className="agent-name"
          href={`/supervisor/agents/${encodeURIComponent(agent.agentId)}`}
        >
          {agent.name}
        </Link>
        <span className={`state-badge state-${agent.state}`}>
          {stateLabel[agent.state] ?? agent.state}
        </span>
      </div>
      <div className="agent-meta muted">
        <Elapsed since={agent.stateSince} label="in state for" />
        {agent.reason && agent.state === 'notReady' && <span> · {agent.reason}</span>}
        <span>
          {' '}
          · {inHand}/{agent.capacity}
        </span>
      </div>
      <div className="workload" role="group" aria-label={`${agent.name}'s contacts`}>
        {workload.length === 0 ? (
          <span className="muted small">No contacts</span>
        ) : (
          workload.map((c) => <WorkloadIcon key={c.contactId} contact={c} onOpen={onOpenContact} />)
        )}
      </div>
    </li>
  );
});
