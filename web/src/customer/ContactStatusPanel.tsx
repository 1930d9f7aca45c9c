/**
 * The customer's live status: place in line and estimated wait, then an
 * agent joining, the conversation (chat, or a call in the browser), and
 * the end; with ways to leave or to switch to a callback while waiting.
 */
import { useState } from 'react';
import { customerApi } from '../api/api';
import { describeError } from '../api/ApiError';
import type { ContactView } from '../api/types';
import { ErrorNote } from '../common/ErrorNote';
import { formatWait } from '../common/format';
import { CallPanel } from '../conversation/CallPanel';
import { ChatPanel } from '../conversation/ChatPanel';
import { useCall } from '../conversation/useCall';
import { useChat } from '../conversation/useChat';
import type { SavedContact } from './savedContact';
import { useContactStatus } from './useContactStatus';

export function ContactStatusPanel({
  saved,
  onStartOver,
}: {
  saved: SavedContact;
  onStartOver(): void;
}) {
  const { contact, socket, error, refresh } = useContactStatus(saved.contactId, saved.token);
  const chat = useChat(socket, saved.contactId);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(action: 'abandon' | 'callback') {
    setBusy(true);
    setActionError(null);
    try {
      await customerApi[action](saved.contactId, saved.token);
      refresh();
    } catch (err) {
      setActionError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const view = contact;
  const phase = view ? phaseOf(view) : 'loading';
  const canCallBack =
    view?.state === 'queued' &&
    view.channel !== 'callback' &&
    !view.callbackRequested &&
    saved.hasPhone;
  const over = phase === 'ended' || phase === 'left';
  // Listening from the start: the agent's offer may come before this page hears it was answered.
  const call = useCall({
    socket,
    contactId: saved.contactId,
    role: 'customer',
    token: saved.token,
    enabled: view?.channel === 'voice' && !over,
  });

  return (
    <section className="card stack" aria-labelledby="status-title" data-phase={phase}>
      <h1 id="status-title">{headline[phase]}</h1>
      <div aria-live="polite" className="stack">
        {view && phase === 'waiting' && <WaitingFacts view={view} />}
        {phase === 'callback' && view && (
          <p>
            You keep your place in line. We will call you back
            {view.position !== null ? ` — you are number ${view.position + 1}` : ''}.
          </p>
        )}
        {phase === 'joining' && <p className="joining">An agent is joining…</p>}
        {phase === 'connected' && <p>You are talking with an agent.</p>}
        {phase === 'ended' && <p>Thank you for contacting us.</p>}
        {phase === 'left' && <p>You left the queue. We are here if you need us.</p>}
      </div>
      {view && view.channel === 'chat' && (!over || chat.messages.length > 0) && (
        <ChatPanel
          chat={chat}
          viewer="customer"
          composeLabel={phase === 'connected' ? 'Message' : null}
          emptyText={
            phase === 'connected'
              ? 'Your agent is here. Say hello.'
              : 'Messages will appear here once an agent joins.'
          }
        />
      )}
      {view && view.channel === 'voice' && phase === 'connected' && (
        <CallPanel call={call} otherName="your agent" />
      )}
      <ErrorNote message={actionError ?? error} />
      <div className="row wrap">
        {canCallBack && (
          <button type="button" disabled={busy} onClick={() => act('callback')}>
            Call me back instead
          </button>
        )}
        {view && (view.state === 'queued' || view.state === 'offered') && (
          <button type="button" className="danger" disabled={busy} onClick={() => act('abandon')}>
            Leave the queue
          </button>
        )}
        {over && (
          <button type="button" className="primary" onClick={onStartOver}>
            Start a new conversation
          </button>
        )}
      </div>
    </section>
  );
}

type Phase = 'loading' | 'waiting' | 'callback' | 'joining' | 'connected' | 'ended' | 'left';

const headline: Record<Phase, string> = {
  loading: 'One moment…',
  waiting: 'You are in the queue',
  callback: 'We will call you back',
  joining: 'An agent is joining',
  connected: 'You are connected',
  ended: 'The conversation has ended',
  left: 'You left the queue',
};

function phaseOf(v: ContactView): Phase {
  switch (v.state) {
    case 'queued':
      return v.channel === 'callback' || v.callbackRequested ? 'callback' : 'waiting';
    case 'offered':
      return 'joining';
    case 'connected':
      return 'connected';
    case 'wrapUp':
    case 'completed':
      return 'ended';
    case 'abandoned':
      return 'left';
  }
}

function WaitingFacts({ view }: { view: ContactView }) {
  return (
    <dl className="facts">
      <div>
        <dt>Your place in line</dt>
        <dd data-testid="position">{view.position === null ? '—' : view.position + 1}</dd>
      </div>
      <div>
        <dt>Estimated wait</dt>
        <dd data-testid="estimated-wait">{formatWait(view.estimatedWaitSec)}</dd>
      </div>
    </dl>
  );
}
