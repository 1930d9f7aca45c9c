/**
 * One contact's chat for a page: the messages in seq order (each once,
 * however often it arrives), what this page sent and is waiting to have
 * acknowledged, and whether the other side is typing. On every (re)open of
 * the socket it asks for what came after the last message it has and
 * resends what was never acknowledged (the server keeps each client id
 * once), so a dropped connection loses nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveSocket } from '../api/LiveSocket';
import type { CallParty, ChatMessage, ServerMessage } from '../api/types';

export interface PendingMessage {
  clientId: string;
  text: string;
  /** Why the server refused it. */
  failed: string | null;
}

export interface Chat {
  messages: ChatMessage[];
  pending: PendingMessage[];
  typing: CallParty | null;
  send(text: string): void;
  /** Call on input; sent at most every few seconds. */
  noteTyping(): void;
}

const typingShownMs = 4_000;
const typingEveryMs = 2_500;

export function useChat(socket: LiveSocket | null, contactId: string, watchOnly = false): Chat {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [typing, setTyping] = useState<CallParty | null>(null);
  const lastSeq = useRef(0);
  const unacked = useRef(new Map<string, string>());
  const lastTyping = useRef(0);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!socket) return;
    function onOpen() {
      socket!.send({ type: 'chat.resume', contactId, after: lastSeq.current });
      for (const [clientId, text] of unacked.current)
        socket!.send({ type: 'chat.send', contactId, clientId, text });
    }
    function onMessage(m: ServerMessage) {
      if (!('contactId' in m) || m.contactId !== contactId) {
        if (m.kind === 'error' && m.frame?.contactId === contactId)
          refused(m.frame.clientId, m.problem.detail);
        return;
      }
      if (m.kind === 'chat.message') {
        lastSeq.current = Math.max(lastSeq.current, m.seq);
        setMessages((list) => merge(list, m));
        if (m.from !== 'supervisor-whisper') setTyping(null);
      } else if (m.kind === 'chat.ack') {
        unacked.current.delete(m.clientId);
        setPending((list) => list.filter((p) => p.clientId !== m.clientId));
      } else if (m.kind === 'chat.typing') {
        setTyping(m.from);
        if (typingTimer.current) clearTimeout(typingTimer.current);
        typingTimer.current = setTimeout(() => setTyping(null), typingShownMs);
      }
    }
    function refused(clientId: string | undefined, detail: string) {
      if (clientId === undefined) return;
      unacked.current.delete(clientId);
      setPending((list) =>
        list.map((p) => (p.clientId === clientId ? { ...p, failed: detail } : p)),
      );
    }
    const stop = socket.listen({ onOpen, onMessage });
    return () => {
      stop();
      if (typingTimer.current) clearTimeout(typingTimer.current);
      if (watchOnly) socket.send({ type: 'chat.leave', contactId });
    };
  }, [socket, contactId, watchOnly]);

  const send = useCallback(
    (text: string) => {
      const clientId = crypto.randomUUID();
      unacked.current.set(clientId, text);
      setPending((list) => [...list, { clientId, text, failed: null }]);
      socket?.send({ type: 'chat.send', contactId, clientId, text });
    },
    [socket, contactId],
  );

  const noteTyping = useCallback(() => {
    const now = Date.now();
    if (now - lastTyping.current < typingEveryMs) return;
    lastTyping.current = now;
    socket?.send({ type: 'chat.typing', contactId });
  }, [socket, contactId]);

  return { messages, pending, typing, send, noteTyping };
}

/** Inserts a message in seq order, once. */
function merge(list: ChatMessage[], m: ChatMessage): ChatMessage[] {
  if (list.some((x) => x.messageId === m.messageId)) return list;
  const message: ChatMessage = {
    contactId: m.contactId,
    messageId: m.messageId,
    seq: m.seq,
    from: m.from,
    text: m.text,
    at: m.at,
  };
  return [...list, message].sort((a, b) => a.seq - b.seq);
}
