/**
 * A contact's profile, opened from a workload icon or a queue row:
 * customer, channel, topic, state, wait so far and history; and the
 * supervisor's actions on it: reassign to another agent (the keyboard
 * equivalent of dragging the icon), change priority, move to a queue;
 * and, for a chat in progress, open it read-only and whisper to the agent.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { supervisorApi } from '../api/api';
import { describeError } from '../api/ApiError';
import type { LiveSocket } from '../api/LiveSocket';
import type { ContactDetail } from '../api/types';
import { CustomerCard } from '../common/CustomerCard';
import { Dialog } from '../common/Dialog';
import { Elapsed } from '../common/Elapsed';
import { ErrorNote } from '../common/ErrorNote';
import { stateLabel } from '../common/format';
import type { CenterSnapshot } from '../live/CenterSnapshot';
import { holderOf, type LiveContact } from '../live/LiveContact';
import { ChatMonitor } from './ChatMonitor';
import { canReassign, reassign, reassignKind } from './reassign';
import { statusLabel } from './WorkloadIcon';

export interface ContactProfileDialogProps {
  contactId: string;
  /** The contact as the live store has it now; undefined once it is gone. */
  live: LiveContact | undefined;
  snapshot: CenterSnapshot;
  /** The page's live socket, to follow a chat on. */
  connection: LiveSocket | null;
  onClose(): void;
}

export function ContactProfileDialog({
  contactId,
  live,
  snapshot,
  connection,
  onClose,
}: ContactProfileDialogProps) {
  const [profile, setProfile] = useState<ContactDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    supervisorApi
      .contact(contactId)
      .then((p) => current && setProfile(p))
      .catch((err: unknown) => current && setError(describeError(err)));
    return () => {
      current = false;
    };
  }, [contactId]);

  async function act(what: string, action: () => Promise<unknown>) {
    setError(null);
    setNote(null);
    try {
      await action();
      setNote(what);
    } catch (err) {
      setError(describeError(err));
    }
  }

  const holder = live ? holderOf(live) : null;
  const holderName = holder ? (snapshot.agentById.get(holder)?.agent.name ?? holder) : null;
  const name = profile?.customer?.name ?? live?.customer?.name ?? 'Contact';

  return (
    <Dialog title={name} onClose={onClose}>
      <div className="profile-grid">
        <dl className="facts compact">
          <div>
            <dt>Status</dt>
            <dd>{live ? statusLabel[live.status] : (profile?.state ?? 'closed')}</dd>
          </div>
          <div>
            <dt>Channel</dt>
            <dd>{profile?.channel ?? live?.channel ?? '—'}</dd>
          </div>
          <div>
            <dt>Topic</dt>
            <dd>{profile?.topic ?? live?.topic ?? '—'}</dd>
          </div>
          <div>
            <dt>Queue</dt>
            <dd>{live?.queueId ?? profile?.queueId ?? '—'}</dd>
          </div>
          {holderName && (
            <div>
              <dt>With</dt>
              <dd>{holderName}</dd>
            </div>
          )}
          <div>
            <dt>
              {!live || live.status === 'waiting' || live.status === 'ringing'
                ? 'Wait so far'
                : 'Since it came in'}
            </dt>
            <dd>
              {profile || live ? <Elapsed since={(profile?.queuedAt ?? live?.queuedAt)!} /> : '—'}
            </dd>
          </div>
          <div>
            <dt>Priority</dt>
            <dd>{live?.priority ?? profile?.priority ?? '—'}</dd>
          </div>
        </dl>
        {profile ? <CustomerCard contact={profile} /> : !error && <p>Loading the profile…</p>}
      </div>
      <ErrorNote message={error} />
      {note && (
        <p className="ok" role="status">
          {note}
        </p>
      )}
      {live && live.channel === 'chat' && (live.status === 'active' || live.status === 'held') && (
        <ChatMonitor socket={connection} contactId={contactId} customerName={name} />
      )}
      {live && <ContactActions contact={live} snapshot={snapshot} onAct={act} />}
    </Dialog>
  );
}

interface ActionsProps {
  contact: LiveContact;
  snapshot: CenterSnapshot;
  onAct(what: string, action: () => Promise<unknown>): Promise<void>;
}

function ContactActions({ contact, snapshot, onAct }: ActionsProps) {
  const targets = snapshot.agents.filter(
    (m) => m.agent.state !== 'loggedOut' && canReassign(contact, m.agent.agentId),
  );
  const [agentId, setAgentId] = useState('');
  const [priority, setPriority] = useState(String(contact.priority));
  const [queueId, setQueueId] = useState('');
  const waiting = contact.status === 'waiting';
  const kind = reassignKind(contact);

  function submitReassign(e: FormEvent) {
    e.preventDefault();
    const target = agentId || targets[0]?.agent.agentId;
    if (!target) return;
    const name = snapshot.agentById.get(target)?.agent.name ?? target;
    void onAct(`Reassigned to ${name}.`, () => reassign(contact, target));
  }

  return (
    <div className="stack actions">
      {kind && (
        <form className="row wrap" onSubmit={submitReassign}>
          <label className="grow">
            Reassign to…
            <select value={agentId} onChange={(e) => setAgentId(e.target.value)}>
              {targets.map((m) => (
                <option key={m.agent.agentId} value={m.agent.agentId}>
                  {m.agent.name} — {stateLabel[m.agent.state]}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={targets.length === 0}>
            {kind === 'assign' ? 'Assign' : 'Transfer'}
          </button>
        </form>
      )}
      {waiting && (
        <form
          className="row wrap"
          onSubmit={(e) => {
            e.preventDefault();
            void onAct(`Priority set to ${priority}.`, () =>
              supervisorApi.setPriority(contact.contactId, Number(priority)),
            );
          }}
        >
          <label className="grow">
            Priority
            <input
              type="number"
              min={-1000}
              max={1000}
              step={1}
              value={priority}
              onChange={(e) => setPriority(e.target.value)}
            />
          </label>
          <button type="submit">Set priority</button>
        </form>
      )}
      {waiting && (
        <form
          className="row wrap"
          onSubmit={(e) => {
            e.preventDefault();
            const to =
              queueId || snapshot.queues.find((q) => q.queueId !== contact.queueId)?.queueId;
            if (to)
              void onAct(`Moved to ${to}.`, () => supervisorApi.moveToQueue(contact.contactId, to));
          }}
        >
          <label className="grow">
            Move to queue
            <select value={queueId} onChange={(e) => setQueueId(e.target.value)}>
              {snapshot.queues
                .filter((q) => q.queueId !== contact.queueId)
                .map((q) => (
                  <option key={q.queueId} value={q.queueId}>
                    {q.name ?? q.queueId}
                  </option>
                ))}
            </select>
          </label>
          <button type="submit">Move</button>
        </form>
      )}
      {!kind && (
        <p className="muted">A {statusLabel[contact.status]} contact cannot be reassigned.</p>
      )}
    </div>
  );
}
