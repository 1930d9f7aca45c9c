/**
 * One contact in the agent's hands: the conversation with its controls
 * (hold, resume, end) or, once ended, the wrap-up form; beside it the
 * customer's profile and history.
 */
import { agentApi } from '../api/api';
import type { AgentView, ContactDetail } from '../api/types';
import { ChannelIcon } from '../common/ChannelIcon';
import { CustomerCard } from '../common/CustomerCard';
import type { Deadline } from './useDesk';
import { WrapUpForm } from './WrapUpForm';

export interface ContactWorkspaceProps {
  contact: ContactDetail;
  phase: 'active' | 'wrapUp';
  onHold: boolean;
  wrapUpEnds: Deadline | null;
  busy: boolean;
  run(action: () => Promise<AgentView>): Promise<void>;
}

export function ContactWorkspace({
  contact,
  phase,
  onHold,
  wrapUpEnds,
  busy,
  run,
}: ContactWorkspaceProps) {
  const id = contact.contactId;
  return (
    <div className="workspace" id="workspace" role="tabpanel" aria-labelledby={`tab-${id}`}>
      <section className="conversation-pane stack" aria-label="Conversation">
        <header className="row">
          <ChannelIcon channel={contact.channel} size={20} />
          <h2 className="grow">
            {contact.customer?.name ?? 'Customer'}{' '}
            <span className="muted">· {contact.channel}</span>
          </h2>
          {phase === 'active' && onHold && <span className="tag held">On hold</span>}
        </header>
        {phase === 'active' ? (
          <>
            <div className="conversation placeholder">
              <p>
                {contact.channel === 'chat'
                  ? 'Chat messages will appear here.'
                  : 'You are on the call.'}
              </p>
            </div>
            <div className="row wrap">
              {contact.channel !== 'chat' &&
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
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => run(() => agentApi.end(id))}
              >
                End {contact.channel === 'chat' ? 'chat' : 'call'}
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
