/**
 * One contact in the agent's hands: the conversation (chat, browser call
 * or call back) with its controls (hold, resume, end) or, once ended, the
 * wrap-up form; beside it the customer's profile and history.
 */
import { agentApi } from '../api/api';
import type { LiveSocket } from '../api/LiveSocket';
import type { AgentView, ContactDetail } from '../api/types';
import { ChannelIcon } from '../common/ChannelIcon';
import { CustomerCard } from '../common/CustomerCard';
import { CallPanel } from '../conversation/CallPanel';
import { ChatPanel } from '../conversation/ChatPanel';
import { useCall } from '../conversation/useCall';
import { useChat } from '../conversation/useChat';
import { CallbackPanel } from './CallbackPanel';
import type { Deadline } from './useDesk';
import { WrapUpForm } from './WrapUpForm';

export interface ContactWorkspaceProps {
  contact: ContactDetail;
  phase: 'active' | 'wrapUp';
  /** Not the selected tab: kept mounted so its chat and call go on. */
  hidden: boolean;
  socket: LiveSocket | null;
  onHold: boolean;
  wrapUpEnds: Deadline | null;
  busy: boolean;
  run(action: () => Promise<AgentView>): Promise<void>;
}

export function ContactWorkspace({
  contact,
  phase,
  hidden,
  socket,
  onHold,
  wrapUpEnds,
  busy,
  run,
}: ContactWorkspaceProps) {
  const id = contact.contactId;
  const channel = contact.channel;
  const chat = useChat(channel === 'chat' ? socket : null, id);
  const call = useCall({
    socket,
    contactId: id,
    role: 'agent',
    enabled: channel === 'voice' && phase === 'active',
  });
  const customerName = contact.customer?.name ?? 'Customer';

  function end() {
    if (channel === 'voice') call.hangUp();
    return run(() => agentApi.end(id));
  }

  return (
    <div
      className="workspace"
      id={`workspace-${id}`}
      role="tabpanel"
      aria-labelledby={`tab-${id}`}
      hidden={hidden}
    >
      <section className="conversation-pane stack" aria-label={`Conversation with ${customerName}`}>
        <header className="row">
          <ChannelIcon channel={channel} size={20} />
          <h2 className="grow">
            {customerName} <span className="muted">· {channel}</span>
          </h2>
          {phase === 'active' && onHold && <span className="tag held">On hold</span>}
        </header>
        {channel === 'chat' && (
          <ChatPanel
            chat={chat}
            viewer="agent"
            customerName={customerName}
            composeLabel={phase === 'active' ? 'Message' : null}
            emptyText="No messages yet."
          />
        )}
        {phase === 'active' ? (
          <>
            {channel === 'voice' && <CallPanel call={call} otherName={customerName} />}
            {channel === 'callback' && <CallbackPanel contact={contact} busy={busy} run={run} />}
            <div className="row wrap">
              {channel !== 'chat' &&
                (onHold ? (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => run(() => agentApi.resume(id))}
                  >
                    Resume
                  </button>
                ) : (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() => run(() => agentApi.hold(id))}
                  >
                    Hold
                  </button>
                ))}
              <button type="button" className="danger" disabled={busy} onClick={() => void end()}>
                End {channel === 'chat' ? 'chat' : 'call'}
              </button>
            </div>
          </>
        ) : (
          <WrapUpForm contactId={id} deadline={wrapUpEnds} busy={busy} run={run} />
        )}
      </section>
      <aside className="profile-pane">
        <CustomerCard contact={contact} />
      </aside>
    </div>
  );
}
