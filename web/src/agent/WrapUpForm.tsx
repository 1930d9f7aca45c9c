/**
 * After the conversation: a disposition code and a timer showing how
 * long wrap-up has left (the engine finishes it on its own when time is
 * up); submitting closes the contact.
 */
import { useState, type FormEvent } from 'react';
import { agentApi } from '../api/api';
import type { AgentView } from '../api/types';
import { formatClock } from '../common/format';
import { useNow } from '../common/secondTicker';
import type { Deadline } from './useDesk';

export const dispositions = [
  { code: 'resolved', label: 'Resolved' },
  { code: 'follow-up', label: 'Needs follow-up' },
  { code: 'escalated', label: 'Escalated' },
  { code: 'sale', label: 'Sale made' },
  { code: 'no-answer', label: 'No answer / dropped' },
];

export interface WrapUpFormProps {
  contactId: string;
  deadline: Deadline | null;
  busy: boolean;
  run(action: () => Promise<AgentView>): Promise<void>;
}

export function WrapUpForm({ contactId, deadline, busy, run }: WrapUpFormProps) {
  const [code, setCode] = useState(dispositions[0]!.code);
  const [startedAt] = useState(() => Date.now());
  const now = useNow();

  function submit(e: FormEvent) {
    e.preventDefault();
    void run(() => agentApi.wrapUp(contactId, code));
  }

  return (
    <form className="stack wrap-up" onSubmit={submit} aria-label="Wrap-up">
      <p className="timer" aria-live="off">
        {deadline ? (
          <>
            Wrap-up time left: <strong>{formatClock((deadline.localAt - now) / 1000)}</strong>
          </>
        ) : (
          <>
            In wrap-up for <strong>{formatClock((now - startedAt) / 1000)}</strong>
          </>
        )}
      </p>
      <label>
        Disposition
        <select name="disposition" value={code} onChange={(e) => setCode(e.target.value)}>
          {dispositions.map((d) => (
            <option key={d.code} value={d.code}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={busy}>
        Finish wrap-up
      </button>
    </form>
  );
}
