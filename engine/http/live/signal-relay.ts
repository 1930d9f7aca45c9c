/**
 * Passes WebRTC signalling between the two parties of a connected voice
 * contact (the customer holding its token, the agent handling it) and
 * nobody else, and records what the pages report of the call. A frame
 * from anyone else is refused to its sender and goes nowhere.
 */
import type { CallLog } from '../../chat/call-log.js';
import { refuseFrame } from './chat-relay.js';
import type { LiveClient, LiveHub } from './live-hub.js';
import type { SignalFrame } from './signal-frames.js';

export class SignalRelay {
  constructor(
    private readonly hub: LiveHub,
    private readonly calls: CallLog,
  ) {}

  handle(client: LiveClient, frame: SignalFrame): void {
    const party = this.calls.party(client.principal, frame.contactId);
    if (party.kind === 'refused') {
      refuseFrame(this.hub, client, frame, party);
      return;
    }

    if (frame.type === 'rtc.media') {
      this.calls.report(frame.contactId, party.role, frame.event);
      const message = {
        kind: 'rtc.media',
        contactId: frame.contactId,
        from: party.role,
        event: frame.event,
      } as const;
      this.hub.broadcast(message, party.other);
      return;
    }
    const signal =
      frame.type === 'rtc.offer' ? 'offer' : frame.type === 'rtc.answer' ? 'answer' : 'ice';
    this.hub.broadcast(
      {
        kind: 'rtc.signal',
        contactId: frame.contactId,
        from: party.role,
        signal,
        payload: frame.payload,
      },
      party.other,
    );
  }
}
