/**
 * A browser call on a voice contact, for a React page: the ICE servers
 * from the API, a `BrowserCall` following the live socket, and the remote
 * audio played through the element the page renders. The agent's side
 * places the call as soon as it mounts; the customer's side answers.
 */
import { useEffect, useRef, useState } from 'react';
import { conversationApi } from '../api/api';
import type { LiveSocket } from '../api/LiveSocket';
import type { CallParty } from '../api/types';
import { BrowserCall, type CallView } from './BrowserCall';

export interface Call {
  view: CallView;
  audioRef: React.RefObject<HTMLAudioElement | null>;
  mute(muted: boolean): void;
  hangUp(): void;
}

const idle: CallView = { phase: 'idle', ice: 'new', muted: false, endedBy: null, error: null };

export function useCall(options: {
  socket: LiveSocket | null;
  contactId: string;
  role: CallParty;
  /** The customer's token; the desk uses its cookie. */
  token?: string | null;
  enabled: boolean;
}): Call {
  const { socket, contactId, role, token, enabled } = options;
  const [view, setView] = useState<CallView>(idle);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const call = useRef<BrowserCall | null>(null);

  useEffect(() => {
    if (!socket || !enabled) return;
    let live = true;
    let stopListening: (() => void) | null = null;

    conversationApi
      .rtcConfig(token)
      .catch(() => ({ iceServers: [] }))
      .then(function startCall({ iceServers }) {
        if (!live) return;
        const current = new BrowserCall({
          contactId,
          role,
          iceServers,
          send: (frame) => socket.send(frame),
          onChange: (next) => live && setView(next),
          onRemoteStream: (stream) => {
            if (audioRef.current) audioRef.current.srcObject = stream;
          },
        });
        call.current = current;
        stopListening = socket.listen({ onMessage: (m) => current.receive(m) });
        if (role === 'agent') void current.place();
      });

    return () => {
      live = false;
      stopListening?.();
      call.current?.dispose();
      call.current = null;
    };
  }, [socket, contactId, role, token, enabled]);

  return {
    view,
    audioRef,
    mute: (muted) => call.current?.mute(muted),
    hangUp: () => call.current?.hangUp(),
  };
}
