/**
 * Calling customers back: the agent with a callback contact says it is
 * dialling, then whether the customer answered. An unanswered call ends
 * the contact with the disposition `no_answer` and, until the configured
 * number of retries is spent, queues a new callback contact for the same
 * customer in the same queue after a delay, linked to the one it retries.
 * A due retry is kept in the store, so a restart re-arms it.
 */
import { randomBytes } from 'node:crypto';
import type { ContactCenter } from '../center.js';
import type { EngineClock } from '../clock.js';
import { EngineError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { firstAttempt, type CallbackAttempt } from './callback-attempt.js';
import type { ConversationStore } from './conversation-store.js';

export const noAnswerDisposition = 'no_answer';
/** Far more tries than any configuration allows; guards against a damaged chain. */
const maxChain = 50;

export interface CallbackRetriesOptions {
  center: ContactCenter;
  store: Pick<Store, 'getContact'>;
  conversations: ConversationStore;
  clock: Pick<EngineClock, 'now' | 'setTimeout' | 'clearTimeout'>;
  logger: Logger;
  retries: number;
  retryDelayMs: number;
  newContactId?: () => string;
}

export class CallbackRetries {
  private readonly timers = new Map<string, unknown>();
  private readonly newContactId: () => string;

  constructor(private readonly options: CallbackRetriesOptions) {
    this.newContactId = options.newContactId ?? (() => `c_${randomBytes(9).toString('base64url')}`);
  }

  /** The agent is calling the customer now. */
  dialing(agentId: string, contactId: string): CallbackAttempt {
    const attempt = this.current(agentId, contactId);
    attempt.dialedAt ??= this.options.clock.now();
    this.options.conversations.saveCallbackAttempt(attempt);
    return attempt;
  }

  /** The customer answered; the agent goes on as with any call. */
  reached(agentId: string, contactId: string): CallbackAttempt {
    const attempt = this.current(agentId, contactId);
    attempt.dialedAt ??= this.options.clock.now();
    attempt.outcome = 'reached';
    attempt.outcomeAt = this.options.clock.now();
    this.options.conversations.saveCallbackAttempt(attempt);
    return attempt;
  }

  /**
   * Nobody answered: the contact ends and is wrapped up as `no_answer`,
   * and a retry is planned while retries remain.
   */
  noAnswer(agentId: string, contactId: string): CallbackAttempt {
    const attempt = this.current(agentId, contactId);
    const now = this.options.clock.now();

    this.options.center.end(agentId, contactId);
    this.options.center.finishWrapUp(agentId, contactId, noAnswerDisposition);

    attempt.dialedAt ??= now;
    attempt.outcome = 'no_answer';
    attempt.outcomeAt = now;
    if (attempt.attempt <= this.options.retries) {
      attempt.retryDueAt = now + this.options.retryDelayMs;
      this.arm(attempt);
    }
    this.options.conversations.saveCallbackAttempt(attempt);
    return attempt;
  }

  /** Re-arms the retries that were due when the server stopped. */
  resume(): void {
    for (const attempt of this.options.conversations.listDueCallbackRetries()) this.arm(attempt);
  }

  /** Every try of the request `contactId` belongs to, first to last. */
  chain(contactId: string): CallbackAttempt[] {
    const store = this.options.conversations;
    let first = store.getCallbackAttempt(contactId);
    for (let hops = 0; first?.retryOf && hops < maxChain; hops++) {
      const before = store.getCallbackAttempt(first.retryOf);
      if (!before) break;
      first = before;
    }
    const chain: CallbackAttempt[] = [];
    for (let a = first; a && chain.length < maxChain;) {
      chain.push(a);
      a = a.retryContactId ? store.getCallbackAttempt(a.retryContactId) : null;
    }
    return chain;
  }

  dispose(): void {
    for (const timer of this.timers.values()) this.options.clock.clearTimeout(timer);
    this.timers.clear();
  }

  /** The contact's attempt, checked to be a callback this agent is on. */
  private current(agentId: string, contactId: string): CallbackAttempt {
    const live = this.options.center.contact(contactId);
    if (!live) throw new EngineError('contact_gone', `contact ${contactId} is no longer live`);
    const isCallback =
      live.record.channel === 'callback' || live.record.callbackRequestedAt !== null;
    if (!isCallback) throw new EngineError('wrong_state', `contact ${contactId} is not a callback`);
    if (live.state !== 'connected' || live.agentId !== agentId) {
      throw new EngineError(
        'not_assigned_to_agent',
        `contact ${contactId} is not connected to ${agentId}`,
      );
    }
    return this.options.conversations.getCallbackAttempt(contactId) ?? firstAttempt(contactId);
  }

  private arm(attempt: CallbackAttempt): void {
    if (attempt.retryDueAt === null || this.timers.has(attempt.contactId)) return;
    const delay = Math.max(0, attempt.retryDueAt - this.options.clock.now());
    const timer = this.options.clock.setTimeout(() => {
      this.timers.delete(attempt.contactId);
      this.queueRetry(attempt.contactId);
    }, delay);
    this.timers.set(attempt.contactId, timer);
  }

  private queueRetry(contactId: string): void {
    const store = this.options.conversations;
    const attempt = store.getCallbackAttempt(contactId);
    const record = this.options.store.getContact(contactId);
    if (!attempt || attempt.retryContactId !== null || !record) return;

    const outcome = this.options.center.createContact({
      id: this.newContactId(),
      channel: 'callback',
      queueId: record.queueId,
      ...(record.customerId !== null ? { customerId: record.customerId } : {}),
      ...(record.language !== null ? { language: record.language } : {}),
      skills: record.skills,
      priority: record.priority,
    });
    if (outcome.kind === 'rejected') {
      this.options.logger.warn(
        { contactId, reason: outcome.reason },
        'callback retry could not be queued',
      );
      store.saveCallbackAttempt({ ...attempt, retryDueAt: null });
      return;
    }

    store.saveCallbackAttempt(firstAttempt(outcome.contactId, contactId, attempt.attempt + 1));
    store.saveCallbackAttempt({ ...attempt, retryContactId: outcome.contactId });
    this.options.logger.info(
      { contactId, retry: outcome.contactId, attempt: attempt.attempt + 1 },
      'callback retry queued',
    );
  }
}
