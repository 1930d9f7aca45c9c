/**
 * The agent's presence: state and time in it, log in to the center, ready,
 * not ready with a reason, log out. A change that waits for work to drain
 * (the engine's pending presence) is shown as such.
 */
import { useState } from 'react';
import { agentApi } from '../api/api';
import type { AgentView } from '../api/types';
import { Elapsed } from '../common/Elapsed';
import { stateLabel } from '../common/format';

const reasons = ['Break', 'Lunch', 'Meeting', 'Training', 'Coaching', 'Admin work'];

export interface PresenceControlsProps {
  desk: AgentView;
  busy: boolean;
  run(action: () => Promise<AgentView>): Promise<void>;
}

export function PresenceControls({ desk, busy, run }: PresenceControlsProps) {
  const [reason, setReason] = useState(reasons[0]!);

  return (
    <div className="presence" role="group" aria-label="Your status">
      <span className={`state-badge state-${desk.state}`} data-testid="agent-state">
        {stateLabel[desk.state] ?? desk.state}
        {desk.reason && desk.state === 'notReady' ? ` (${desk.reason})` : ''}
      </span>
      <Elapsed since={desk.stateSince} label="in this state for" />
      {desk.pendingPresence && (
        <span className="muted">
          then {stateLabel[desk.pendingPresence] ?? desk.pendingPresence}
        </span>
      )}
      {desk.presence === 'loggedOut' ? (
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => run(agentApi.login)}
        >
          Log in to the center
        </button>
      ) : (
        <>
          <button
            type="button"
            className="primary"
            disabled={busy || desk.presence === 'ready'}
            onClick={() => run(agentApi.ready)}
          >
            Ready
          </button>
          <label className="inline">
            <span className="visually-hidden">Not ready reason</span>
            <select
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-label="Not ready reason"
            >
              {reasons.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={busy || (desk.presence === 'notReady' && desk.reason === reason)}
            onClick={() => run(() => agentApi.notReady(reason))}
          >
            Not ready
          </button>
          <button
            type="button"
            className="quiet"
            disabled={busy}
            onClick={() => run(agentApi.logout)}
          >
            Log out of the center
          </button>
        </>
      )}
    </div>
  );
}
