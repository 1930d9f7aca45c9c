/**
 * An earlier contact's conversation, read on demand: its chat, its call
 * times and its callback tries. Shown in a customer's history beside the
 * contact an agent has now, and in a supervisor's contact profile.
 */
import { useState } from 'react';
import { conversationApi } from '../api/api';
import { describeError } from '../api/ApiError';
import type { Transcript } from '../api/types';
import { formatDateTime } from '../common/format';

const authors = { customer: 'Customer', agent: 'Agent', 'supervisor-whisper': 'Whisper' } as const;

export function TranscriptView({ contactId }: { contactId: string }) {
  const [open, setOpen] = useState(false);
  const [transcript, setTranscript] = useState<Transcript | null>(null);
  const [error, setError] = useState<string | null>(null);

  function toggle() {
    setOpen(!open);
    if (open || transcript) return;
    conversationApi
      .transcript(contactId)
      .then(setTranscript)
      .catch((err: unknown) => setError(describeError(err)));
  }

  return (
    <div className="transcript">
      <button type="button" className="link" aria-expanded={open} onClick={toggle}>
        {open ? 'Hide conversation' : 'Show conversation'}
      </button>
      {open && error && <p className="error">{error}</p>}
      {open && transcript && <TranscriptBody transcript={transcript} />}
    </div>
  );
}

function TranscriptBody({ transcript }: { transcript: Transcript }) {
  const { messages, media, callbacks } = transcript;
  return (
    <div className="stack compact" data-testid="transcript">
      {messages.length === 0 && !media && callbacks.length === 0 && (
        <p className="muted">Nothing was said in writing.</p>
      )}
      {messages.length > 0 && (
        <ol className="messages small">
          {messages.map((m) => (
            <li key={m.messageId} className={`message from-${m.from}`}>
              <span className="author">{authors[m.from]}</span>
              <span className="text">{m.text}</span>
            </li>
          ))}
        </ol>
      )}
      {media && (
        <p className="muted">
          Call{' '}
          {media.connectedAt ? `connected ${formatDateTime(media.connectedAt)}` : 'never connected'}
          {media.endedAt ? `, ended ${formatDateTime(media.endedAt)}` : ''}
          {media.endedBy ? ` by the ${media.endedBy}` : ''}
        </p>
      )}
      {callbacks.length > 0 && (
        <ol className="callback-tries muted">
          {callbacks.map((a) => (
            <li key={a.contactId}>
              Try {a.attempt}: {a.outcome ?? 'open'}
              {a.retryDueAt && !a.retryContactId
                ? `, retry at ${formatDateTime(a.retryDueAt)}`
                : ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
