/**
 * Builds the conversation services around a running center (chat,
 * browser calls, callbacks) on one store and clock, and keeps them in step
 * with the center: a contact that ends closes its call record, one that
 * closes is no longer watched. The HTTP layer creates this once.
 */
import type { ContactCenter } from '../center.js';
import type { EngineClock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { CallLog } from './call-log.js';
import { CallbackRetries } from './callback-retries.js';
import { partyLookup, type PartyLookup } from './contact-parties.js';
import { defaultConversationConfig, type ConversationConfig } from './conversation-config.js';
import type { ConversationStore } from './conversation-store.js';
import { Conversations } from './conversations.js';

export interface ConversationServices {
  config: ConversationConfig;
  parties: PartyLookup;
  chats: Conversations;
  calls: CallLog;
  callbacks: CallbackRetries;
  store: ConversationStore;
  dispose(): void;
}

export interface ConversationServiceOptions {
  center: ContactCenter;
  store: Store & { readonly conversations: ConversationStore };
  clock: EngineClock;
  logger: Logger;
  config?: Partial<ConversationConfig>;
}

export function createConversationServices(o: ConversationServiceOptions): ConversationServices {
  const config = { ...defaultConversationConfig, ...o.config };
  const now = () => o.clock.now();
  const store = o.store.conversations;
  const parties = partyLookup(o.center, o.store);
  const chats = new Conversations({ store, parties, now });
  const calls = new CallLog(store, parties, now);
  const callbacks = new CallbackRetries({
    center: o.center,
    store: o.store,
    conversations: store,
    clock: o.clock,
    logger: o.logger,
    retries: config.callbackRetries,
    retryDelayMs: config.callbackRetryMs,
  });
  callbacks.resume();

  const unsubscribe = o.center.subscribe(function followContactEnds(event) {
    if (event.type === 'contact.ended') calls.contactEnded(event.contactId, event.at);
    if (event.type === 'contact.closed') chats.forget(event.contactId);
  });

  return {
    config,
    parties,
    chats,
    calls,
    callbacks,
    store,
    dispose() {
      unsubscribe();
      callbacks.dispose();
    },
  };
}
