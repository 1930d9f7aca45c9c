/**
 * Answers the chat frames of live sockets: asks the conversations whether
 * and to whom, then acknowledges to the sender and delivers through the
 * hub. A refusal goes back to the sender alone, naming the frame; nothing
 * is delivered to anyone else.
 */
import type { ChatRefusal } from '../../chat/chat-refusal.js';
import { refusalStatus } from '../../chat/chat-refusal.js';
import type { Conversations, SendOutcome } from '../../chat/conversations.js';
import { HttpProblem } from '../problem.js';
import type { ChatFrame } from './chat-frames.js';
import type { LiveClient, LiveHub } from './live-hub.js';

export class ChatRelay {
  /**
   * `flush` is a write-behind store's (RedisStore): a message is then
   * acknowledged and delivered only once it is stored, in order.
   */
  constructor(
    private readonly hub: LiveHub,
    private readonly chats: Conversations,
    private readonly flush: (() => Promise<void>) | null = null,
  ) {}

  handle(client: LiveClient, frame: ChatFrame): void {
    switch (frame.type) {
      case 'chat.send':
        return this.send(client, frame);
      case 'chat.resume':
        return this.resume(client, frame.contactId, frame.after);
      case 'chat.typing':
        return this.typing(client, frame.contactId);
      case 'chat.leave':
        this.chats.unwatch(client.principal, frame.contactId);
        return;
    }
  }

  private send(client: LiveClient, frame: Extract<ChatFrame, { type: 'chat.send' }>): void {
    const outcome = this.chats.send(client.principal, frame.contactId, frame.clientId, frame.text);
    if (outcome.kind === 'refused') {
      refuseFrame(this.hub, client, frame, outcome);
      return;
    }

    if (!this.flush) {
      this.announce(client, frame, outcome);
      return;
    }
    this.flush().then(
      () => this.announce(client, frame, outcome),
      () => {
        const problem = new HttpProblem(
          503,
          'not_durable',
          'the message could not be stored; send it again with the same clientId',
        );
        const named = { type: frame.type, contactId: frame.contactId, clientId: frame.clientId };
        this.hub.deliver(client, { kind: 'error', problem: problem.toDocument(), frame: named });
      },
    );
  }

  private announce(
    client: LiveClient,
    frame: Extract<ChatFrame, { type: 'chat.send' }>,
    outcome: Extract<SendOutcome, { kind: 'sent' }>,
  ): void {
    const { message } = outcome;
    this.hub.deliver(client, {
      kind: 'chat.ack',
      contactId: message.contactId,
      clientId: frame.clientId,
      messageId: message.messageId,
      seq: message.seq,
    });
    // A resend was delivered the first time; only its sender may lack it.
    if (outcome.duplicate) this.hub.deliver(client, { kind: 'chat.message', ...message });
    else this.hub.broadcast({ kind: 'chat.message', ...message }, outcome.audience);
  }

  private resume(client: LiveClient, contactId: string, after: number): void {
    const outcome = this.chats.read(client.principal, contactId, after);
    if (outcome.kind === 'refused') {
      refuseFrame(this.hub, client, { type: 'chat.resume', contactId }, outcome);
      return;
    }
    for (const message of outcome.messages)
      this.hub.deliver(client, { kind: 'chat.message', ...message });
    const lastSeq = outcome.messages.at(-1)?.seq ?? after;
    this.hub.deliver(client, { kind: 'chat.resumed', contactId, lastSeq });
  }

  private typing(client: LiveClient, contactId: string): void {
    const outcome = this.chats.typing(client.principal, contactId);
    if (outcome.kind === 'refused') {
      refuseFrame(this.hub, client, { type: 'chat.typing', contactId }, outcome);
      return;
    }
    this.hub.broadcast({ kind: 'chat.typing', contactId, from: outcome.from }, outcome.audience);
  }
}

/** Tells the sender, and only it, why its frame was refused. */
export function refuseFrame(
  hub: LiveHub,
  client: LiveClient,
  frame: { type: string; contactId: string; clientId?: string },
  refusal: ChatRefusal,
): void {
  const problem = new HttpProblem(refusalStatus[refusal.code], refusal.code, refusal.detail);
  const named = {
    type: frame.type,
    contactId: frame.contactId,
    ...(frame.clientId !== undefined ? { clientId: frame.clientId } : {}),
  };
  hub.deliver(client, { kind: 'error', problem: problem.toDocument(), frame: named });
}
