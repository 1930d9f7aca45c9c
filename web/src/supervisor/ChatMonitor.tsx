/**
 * A supervisor's view into a chat in progress: closed until asked for,
 * then every message so far and as they come, read-only, with a box for
 * whispers only the agent sees. Leaving (closing it, or the dialog)
 * stops the messages.
 */
import { useState } from 'react';
import type { LiveSocket } from '../api/LiveSocket';
import { ChatPanel } from '../conversation/ChatPanel';
import { useChat } from '../conversation/useChat';

export function ChatMonitor({
  socket,
  contactId,
  customerName,
}: {
  socket: LiveSocket | null;
  contactId: string;
  customerName: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div className="monitor stack">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Close the chat' : 'Open the chat'}
      </button>
      {open && <OpenChat socket={socket} contactId={contactId} customerName={customerName} />}
    </div>
  );
}

function OpenChat({
  socket,
  contactId,
  customerName,
}: {
  socket: LiveSocket | null;
  contactId: string;
  customerName: string;
}) {
  const chat = useChat(socket, contactId, true);
  return (
    <ChatPanel
      chat={chat}
      viewer="supervisor"
      customerName={customerName}
      composeLabel="Whisper to the agent"
      emptyText="No messages yet."
    />
  );
}
