/**
 * Calling a customer back from the desk: the number to dial, then
 * "calling now", and whether the customer answered. No answer ends the
 * contact (the server retries it later while retries remain).
 */
import { useState } from 'react';
import { conversationApi } from '../api/api';
import type { AgentView, CallbackAttempt, ContactDetail } from '../api/types';

export function CallbackPanel({
  contact,
  busy,
  run,
}: {
  contact: ContactDetail;
  busy: boolean;
  run(action: () => Promise<AgentView>): Promise<void>;
}) {
  const [attempt, setAttempt] = useState<CallbackAttempt | null>(null);
  const phone = contact.customer?.phone ?? null;

  function step(which: 'dialing' | 'reached' | 'no-answer') {
    return run(async function callbackStep() {
      const answer = await conversationApi.callbackStep(contact.contactId, which);
      setAttempt(answer.attempt);
      return answer.desk;
    });
  }

  const dialing = attempt?.dialedAt != null && attempt.outcome === null;
  return (
    <div className="callback-panel stack" data-testid="callback">
      <p>
        Call the customer back on{' '}
        {phone ? (
          <a href={`tel:${phone.replace(/[^+0-9]/g, '')}`} data-testid="callback-number">
            {phone}
          </a>
        ) : (
          <strong>no number on file</strong>
        )}
        {attempt && attempt.attempt > 1 && ` (try ${attempt.attempt})`}.
      </p>
      <p className="muted" role="status">
        {attempt?.outcome === 'reached'
          ? 'Customer reached: talk, then end the call.'
          : dialing
            ? 'Calling now…'
            : 'Not called yet.'}
      </p>
      {attempt?.outcome !== 'reached' && (
        <div className="row wrap">
          {!dialing && (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => step('dialing')}
            >
              Calling now
            </button>
          )}
          {dialing && (
            <>
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => step('reached')}
              >
                Reached
              </button>
              <button type="button" disabled={busy} onClick={() => step('no-answer')}>
                No answer
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
