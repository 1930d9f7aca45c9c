/**
 * Admitting a new contact: choosing its queue, refusing skills nobody has,
 * recording it, honouring a preferred agent, and routing it at once.
 */
import { createActor } from 'xstate';
import { contactMachine } from '../../machines/contact.js';
import type { QueueConfig } from '../config.js';
import { EngineError } from '../errors.js';
import { newContactRecord } from '../records.js';
import type { AgentSlot, QueueSlot } from '../routing/router.js';
import type { CenterCore } from './center-core.js';
import { isFree, placePersonal, route } from './dispatch.js';
import { onContactEmitted, timersFor } from './timers.js';
import type { ContactRequest, LiveContact, RouteOutcome } from './types.js';

export function admit(core: CenterCore, request: ContactRequest): RouteOutcome {
  const queue = resolveQueue(core, request);
  if (!queue) {
    return {
      kind: 'rejected',
      reason: 'unknown_queue',
      detail: `no queue for ${request.queueId ?? request.topic ?? '(none)'}`,
    };
  }
  const extraSkills = [
    ...new Set([...(request.skills ?? []), ...(request.language ? [request.language] : [])]),
  ];
  for (const skill of extraSkills) {
    if (!core.staffedSkills.has(skill)) {
      return { kind: 'rejected', reason: 'unknown_skill', detail: `no agent has skill ${skill}` };
    }
  }
  const id = request.id ?? `c${core.nextSeq()}`;
  if (core.contacts.has(id)) throw new EngineError('wrong_state', `contact ${id} already exists`);
  const now = core.now();
  const customerId = request.customer
    ? core.store.upsertCustomer(request.customer).id
    : (request.customerId ?? null);
  const priority = request.priority ?? queue.config!.priority;
  const record = newContactRecord({
    id,
    channel: request.channel,
    firstQueueId: queue.id,
    queuedAt: now,
    customerId,
    priority,
    skills: extraSkills,
    language: request.language ?? null,
    topic: request.topic ?? null,
  });

  const c: LiveContact = {
    id,
    voice: request.channel !== 'chat',
    extraSkills,
    place: null,
    decliners: new Set(),
    entry: {
      contactId: id,
      priority,
      rank: now - (queue.config!.waitBonusSec + (request.waitBonusSec ?? 0)) * 1000,
      seq: core.nextSeq(),
    },
    offer: null,
    agentId: null,
    personalAgentId: null,
    actor: undefined as unknown as LiveContact['actor'], // set just below
  };
  const pool = core.router.poolFor(queue, c, queue.config!, 0);
  record.noEligibleAgent = core.router.eligibleCount(pool) === 0;
  const preferred = request.preferredAgentId
    ? core.agents.get(request.preferredAgentId)
    : undefined;
  const preferenceUntil =
    preferred && prefers(core, preferred, queue.config!)
      ? now + queue.config!.preferenceWindowSec * 1000
      : null;
  c.actor = createActor(contactMachine, {
    parent: core.root,
    input: { record, timers: timersFor(core, queue.config!, c, preferenceUntil, now) },
  });
  c.actor.on('*', (e) => core.work.push(() => onContactEmitted(core, c, e)));
  c.actor.start();
  core.contacts.set(id, c);

  const { noEligibleAgent } = record;
  core.publish({
    type: 'contact.created',
    contactId: id,
    channel: request.channel,
    queueId: queue.id,
    customerId,
    noEligibleAgent,
  });
  if (preferred && (preferenceUntil !== null || isFree(core, preferred, c)))
    placePersonal(core, c, preferred);
  else core.router.place(c, queue, pool);
  core.publish({
    type: 'contact.queued',
    contactId: id,
    queueId: queue.id,
    personalAgentId: c.personalAgentId,
  });
  route(core, c);

  if (c.offer)
    return { kind: 'offered', contactId: id, agentId: c.offer.agentId, offerId: c.offer.offerId };
  return { kind: 'queued', contactId: id, queueId: queue.id, noEligibleAgent };
}

export function resolveQueue(core: CenterCore, request: ContactRequest): QueueSlot | undefined {
  if (request.queueId !== undefined) return core.queues.get(request.queueId);
  const topic = request.topic;
  if (topic === undefined) return core.queues.get(core.config.queues[0]!.id);
  return (
    core.queues.get(topic) ??
    [...core.queues.values()].find((q) => q.config?.skills.some((s) => s.skill === topic))
  );
}

/** A preferred agent is waited for only while logged in and not away. */
export function prefers(core: CenterCore, agent: AgentSlot, queue: QueueConfig): boolean {
  const { value, context } = agent.actor.getSnapshot();
  return queue.preferenceWindowSec > 0 && value === 'ready' && context.pending === null;
}
