/**
 * Offers and the places contacts wait: placing a contact in a shared or
 * personal queue, offering it to an agent, ending an offer, and routing
 * after each change so that a free agent and a contact it can take never
 * wait side by side.
 */
import { load } from '../../machines/agent.js';
import type { OfferOutcome } from '../records.js';
import type { AgentSlot } from '../routing/router.js';
import type { CenterCore } from './center-core.js';
import { sync } from './presence.js';
import type { LiveContact } from './types.js';

/** Makes every offer possible for this contact, then for freed agents. */
export function route(core: CenterCore, c: LiveContact): void {
  if (!c.place || core.stateOf(c) !== 'queued') return;
  const agent =
    c.personalAgentId !== null
      ? freeAgent(core, core.agents.get(c.personalAgentId), c)
      : core.router.bestAgentFor(c);
  if (agent) offer(core, c, agent);
}

export function freeAgent(
  core: CenterCore,
  agent: AgentSlot | undefined,
  c: LiveContact,
): AgentSlot | undefined {
  if (!agent || !isFree(core, agent, c)) return undefined;
  const until = c.actor.getSnapshot().context.declinedUntil[agent.id] ?? -Infinity;
  return until <= core.now() ? agent : undefined;
}

export function routeAgent(core: CenterCore, a: AgentSlot): void {
  for (;;) {
    const c = core.router.bestContactFor(a, core.contacts);
    if (!c) return;
    offer(core, c as LiveContact, a);
  }
}

export function offer(core: CenterCore, c: LiveContact, a: AgentSlot): void {
  const queueId = c.actor.getSnapshot().context.record.queueId;
  const offerId = `${c.id}:${c.actor.getSnapshot().context.record.offers.length + 1}`;
  core.router.unplace(c);
  c.offer = { offerId, agentId: a.id };
  c.actor.send({ type: 'OFFER', at: core.now(), offerId, agentId: a.id, queueId });
  a.actor.send({ type: 'RESERVE', at: core.now(), contactId: c.id, voice: c.voice });
  a.lastOfferSeq = core.nextSeq();
  const expiresAt = core.now() + c.actor.getSnapshot().context.timers.ringTimeoutMs;
  core.publish({
    type: 'contact.offered',
    contactId: c.id,
    offerId,
    agentId: a.id,
    queueId,
    expiresAt,
  });
  sync(core, a, false);
}

/**
 * Ends an offer: publishes it, runs `first` (routing the contact to the
 * others) and only then frees the agent, so it is not offered the same
 * contact again while another agent is free.
 */
export function endOffer(
  core: CenterCore,
  c: LiveContact,
  offer: { offerId: string; agentId: string },
  outcome: OfferOutcome,
  first?: () => void,
): void {
  if (c.offer?.offerId === offer.offerId) c.offer = null;
  const a = core.agents.get(offer.agentId)!;
  core.publish({
    type: 'contact.offer_ended',
    contactId: c.id,
    offerId: offer.offerId,
    agentId: a.id,
    outcome,
  });
  first?.();
  a.actor.send({
    type: 'OFFER_ENDED',
    at: core.now(),
    contactId: c.id,
    accepted: false,
    missed: outcome === 'timeout',
  });
  sync(core, a);
}

/** Puts a contact back where it waited, with its original entry. */
export function returnToQueue(core: CenterCore, c: LiveContact): void {
  if (c.personalAgentId !== null) {
    const a = core.agents.get(c.personalAgentId)!;
    if (a.actor.getSnapshot().value !== 'loggedOut') return placePersonal(core, c, a);
  }
  placeShared(core, c);
}

export function withdrawOffers(core: CenterCore, a: AgentSlot): void {
  for (const contactId of [...a.actor.getSnapshot().context.offers]) {
    const c = core.contacts.get(contactId)!;
    const offer = c.offer!;
    c.actor.send({ type: 'WITHDRAW', at: core.now() });
    c.offer = null;
    a.actor.send({
      type: 'OFFER_ENDED',
      at: core.now(),
      contactId,
      accepted: false,
      missed: false,
    });
    core.publish({
      type: 'contact.offer_ended',
      contactId,
      offerId: offer.offerId,
      agentId: a.id,
      outcome: 'withdrawn',
    });
    if (c.personalAgentId === a.id) c.personalAgentId = null;
    returnToQueue(core, c);
    core.work.push(() => route(core, c));
  }
}

export function placeShared(core: CenterCore, c: LiveContact): void {
  const queue = core.queues.get(c.actor.getSnapshot().context.record.queueId)!;
  c.personalAgentId = null;
  const level = c.actor.getSnapshot().context.escalation;
  core.router.place(c, queue, core.router.poolFor(queue, c, queue.config!, level));
}

export function placePersonal(core: CenterCore, c: LiveContact, agent: AgentSlot): void {
  const queue = core.queues.get(c.actor.getSnapshot().context.record.queueId)!;
  c.personalAgentId = agent.id;
  const personal = core.personalQueue(agent);
  core.router.place(c, personal, core.router.poolFor(personal, c, queue.config!, 0));
}

export function isFree(core: CenterCore, agent: AgentSlot, c: LiveContact): boolean {
  const { value, context } = agent.actor.getSnapshot();
  if (value !== 'ready' || context.pending !== null || context.voice.length > 0) return false;
  return c.voice ? load(context) === 0 : load(context) < context.capacity;
}

export function close(core: CenterCore, c: LiveContact): void {
  core.router.unplace(c);
  core.contacts.delete(c.id);
  const record = c.actor.getSnapshot().context.record;
  core.store.saveContact(record);
  core.publish({ type: 'contact.closed', contactId: c.id, record });
}

export function publishMoved(core: CenterCore, c: LiveContact): void {
  const record = c.actor.getSnapshot().context.record;
  core.publish({
    type: 'contact.moved',
    contactId: c.id,
    queueId: record.queueId,
    priority: c.entry.priority,
    personalAgentId: c.personalAgentId,
  });
}
