/**
 * A chat as one of its readers sees it: the messages in order, who wrote
 * each, what is still being sent, the other side typing, and (for those
 * who may write) the message box. Text is rendered as text: markup in a
 * message shows as written and never runs.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { maxChatChars } from '../api/conversationTypes';
import type { ChatAuthor } from '../api/types';
import type { Chat } from './useChat';

export type ChatViewer = 'customer' | 'agent' | 'supervisor';

export interface ChatPanelProps {
  chat: Chat;
  viewer: ChatViewer;
  /** The customer's name, as agents and supervisors see it. */
  customerName?: string;
  /** Null: read-only. */
  composeLabel: string | null;
  /** Shown before the first message. */
  emptyText: string;
}

export function ChatPanel({ chat, viewer, customerName, composeLabel, emptyText }: ChatPanelProps) {
  const [draft, setDraft] = useState('');
  const log = useRef<HTMLOListElement | null>(null);
  const count = chat.messages.length + chat.pending.length;

  // Keep the newest message in view as the conversation grows.
  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }, [count]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!/\S/.test(draft)) return;
    chat.send(draft);
    setDraft('');
  }

  function sendOnEnter(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey) submit(e);
  }

  const names = authorNames(viewer, customerName ?? 'Customer');
  return (
    <section className="conversation chat stack" aria-label="Conversation">
      <ol className="messages" role="log" aria-live="polite" ref={log} data-testid="chat-log">
        {count === 0 && <li className="muted empty">{emptyText}</li>}
        {chat.messages.map((m) => (
          <li
            key={m.messageId}
            className={`message from-${m.from}${names.mine === m.from ? ' mine' : ''}`}
            data-seq={m.seq}
          >
            <span className="author">{names[m.from]}</span>
            <span className="text">{m.text}</span>
          </li>
        ))}
        {chat.pending.map((p) => (
          <li
            key={p.clientId}
            className="message mine pending"
            data-state={p.failed ? 'failed' : 'sending'}
          >
            <span className="author">{p.failed ? `Not sent: ${p.failed}` : 'Sending…'}</span>
            <span className="text">{p.text}</span>
          </li>
        ))}
      </ol>
      <p className="typing muted" aria-live="polite">
        {chat.typing && chat.typing !== names.mine ? `${names[chat.typing]} is typing…` : ''}
      </p>
      {composeLabel && (
        <form className="row compose" onSubmit={submit}>
          <label className="grow">
            <span className="visually-hidden">{composeLabel}</span>
            <textarea
              rows={2}
              value={draft}
              maxLength={maxChatChars}
              placeholder={composeLabel}
              onChange={(e) => {
                setDraft(e.target.value);
                chat.noteTyping();
              }}
              onKeyDown={sendOnEnter}
            />
          </label>
          <button type="submit" className="primary" disabled={!/\S/.test(draft)}>
            Send
          </button>
        </form>
      )}
    </section>
  );
}

function authorNames(
  viewer: ChatViewer,
  customerName: string,
): Record<ChatAuthor, string> & { mine: ChatAuthor | null } {
  if (viewer === 'customer')
    return {
      customer: 'You',
      agent: 'Agent',
      'supervisor-whisper': 'Supervisor',
      mine: 'customer',
    };
  if (viewer === 'agent')
    return {
      customer: customerName,
      agent: 'You',
      'supervisor-whisper': 'Supervisor (whisper)',
      mine: 'agent',
    };
  return {
    customer: customerName,
    agent: 'Agent',
    'supervisor-whisper': 'Whisper',
    mine: 'supervisor-whisper',
  };
}
