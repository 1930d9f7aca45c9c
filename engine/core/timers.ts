/**
 * The contact's timers as the engine sees them: the deadlines a queue sets
 * (ring timeout, wrap-up, max wait, escalation, preference), and what the
 * engine does when one fires.
 */
import type { ContactEmitted, ContactTimers } from '../../machines/contact.js';
import type { QueueConfig } from '../config.js';
import type { CenterCore } from './center-core.js';
import { close, endOffer, placeShared, publishMoved, returnToQueue, route } from './dispatch.js';
import { sync } from './presence.js';
import type { LiveContact } from './types.js';

export function timersFor(
  core: CenterCore,
  queue: QueueConfig,
  c: LiveContact,
  preferenceUntil: number | null,
  at = core.now(),
): ContactTimers {
  const queuedAt = c.actor ? c.actor.getSnapshot().context.record.queuedAt : at;
  const overflow = queue.overflowTo !== undefined && queue.maxWaitSec !== undefined;
  return {
    ringTimeoutMs: queue.ringTimeoutSec * 1000,
    wrapUpMs: queue.wrapUpSec * 1000,
    maxWaitAt: overflow ? queuedAt + queue.maxWaitSec! * 1000 : null,
    escalateAt: queue.escalation.map((s) => queuedAt + s.afterSec * 1000),
    preferenceUntil,
  };
}

export function onContactEmitted(core: CenterCore, c: LiveContact, e: ContactEmitted): void {
  if (!core.contacts.has(c.id)) return;
  switch (e.type) {
    case 'ringTimeout': {
      const offer = c.offer;
      if (!offer || offer.offerId !== e.offerId) return;
      endOffer(core, c, offer, 'timeout', () => {
        returnToQueue(core, c);
        route(core, c);
      });
      return;
    }
    case 'wrapUpDone': {
      const a = core.agents.get(e.agentId);
      a?.actor.send({ type: 'WRAP_UP_DONE', at: core.now(), contactId: c.id });
      close(core, c);
      if (a) sync(core, a);
      return;
    }
    case 'deadline':
      onDeadline(core, c, e.kinds);
  }
}

export function onDeadline(core: CenterCore, c: LiveContact, kinds: readonly string[]): void {
  if (core.stateOf(c) !== 'queued') return;
  const record = c.actor.getSnapshot().context.record;
  const queue = core.queues.get(record.queueId)!.config!;
  const visited = new Set([record.firstQueueId, ...record.overflows.map((o) => o.to)]);
  if (kinds.includes('maxWait') && queue.overflowTo && !visited.has(queue.overflowTo)) {
    const to = core.queues.get(queue.overflowTo)!;
    core.router.unplace(c);
    c.actor.send({
      type: 'OVERFLOW',
      at: core.now(),
      to: to.id,
      timers: timersFor(core, to.config!, c, null),
    });
    placeShared(core, c);
    core.publish({ type: 'contact.overflowed', contactId: c.id, from: queue.id, to: to.id });
  } else if (kinds.includes('escalation') || kinds.includes('preference')) {
    if (c.personalAgentId === null || kinds.includes('preference')) {
      core.router.unplace(c);
      placeShared(core, c);
      publishMoved(core, c);
    }
  }
  route(core, c);
}
