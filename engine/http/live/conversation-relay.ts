/**
 * Routes a live socket's conversation frames: chat frames to the chat
 * relay, WebRTC frames to the signalling relay. What `LiveSocket` calls
 * once a frame has been parsed and its permission checked.
 */
import type { ConversationServices } from '../../chat/conversation-services.js';
import type { ChatFrame } from './chat-frames.js';
import { ChatRelay } from './chat-relay.js';
import type { LiveClient, LiveHub } from './live-hub.js';
import type { SignalFrame } from './signal-frames.js';
import { SignalRelay } from './signal-relay.js';

export type ConversationFrameHandler = (client: LiveClient, frame: ChatFrame | SignalFrame) => void;

export function conversationRelay(
  hub: LiveHub,
  services: Pick<ConversationServices, 'chats' | 'calls'>,
  /** A write-behind store's flush: chat messages are acknowledged once stored. */
  flush: (() => Promise<void>) | null = null,
): ConversationFrameHandler {
  const chat = new ChatRelay(hub, services.chats, flush);
  const signals = new SignalRelay(hub, services.calls);
  return function relayConversationFrame(client, frame) {
    if (isChatFrame(frame)) chat.handle(client, frame);
    else signals.handle(client, frame);
  };
}

function isChatFrame(frame: ChatFrame | SignalFrame): frame is ChatFrame {
  return frame.type.startsWith('chat.');
}
