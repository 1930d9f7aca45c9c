/**
 * Every command the center takes, as data. The journal records them in the
 * order they were applied, with their time, so a restarted engine replays
 * them to the exact state it crashed in; the same shapes can travel between
 * processes.
 */
import { z } from 'zod';
import type { ContactCenter } from './center.js';
import { Channel } from './records.js';

const Id = z.string().min(1).max(200);
const onContact = { contactId: Id };
const byAgent = { agentId: Id };

export const JournaledRequest = z.object({
  id: Id,
  channel: Channel,
  queueId: Id,
  language: z.string().optional(),
  topic: z.string().optional(),
  skills: z.array(z.string()).optional(),
  priority: z.number().int().optional(),
  waitBonusSec: z.number().min(0).optional(),
  customerId: z.string().optional(),
  preferredAgentId: z.string().optional(),
});

export const Command = z.discriminatedUnion('type', [
  z.object({ type: z.literal('contact.create'), request: JournaledRequest }),
  z.object({ type: z.literal('contact.abandon'), ...onContact }),
  z.object({ type: z.literal('contact.callback'), ...onContact }),
  z.object({ type: z.literal('contact.hangup'), ...onContact }),
  z.object({ type: z.literal('agent.login'), ...byAgent }),
  z.object({ type: z.literal('agent.ready'), ...byAgent }),
  z.object({ type: z.literal('agent.not_ready'), ...byAgent, reason: z.string() }),
  z.object({ type: z.literal('agent.logout'), ...byAgent }),
  z.object({ type: z.literal('agent.accept'), ...byAgent, ...onContact }),
  z.object({ type: z.literal('agent.decline'), ...byAgent, ...onContact }),
  z.object({ type: z.literal('agent.hold'), ...byAgent, ...onContact, onHold: z.boolean() }),
  z.object({ type: z.literal('agent.end'), ...byAgent, ...onContact }),
  z.object({
    type: z.literal('agent.wrap_up'),
    ...byAgent,
    ...onContact,
    disposition: z.string().nullable(),
  }),
  z.object({ type: z.literal('supervisor.position'), ...onContact, position: z.number().int() }),
  z.object({ type: z.literal('supervisor.priority'), ...onContact, priority: z.number().int() }),
  z.object({ type: z.literal('supervisor.queue'), ...onContact, queueId: Id }),
  z.object({ type: z.literal('supervisor.assign'), ...onContact, agentId: Id }),
  z.object({ type: z.literal('supervisor.transfer'), ...onContact, agentId: Id }),
]);
export type Command = z.infer<typeof Command>;

/** Applies a command through the center's public methods. */
export function applyCommand(center: ContactCenter, c: Command): void {
  switch (c.type) {
    case 'contact.create': {
      const { request } = c;
      center.createContact(request);
      return;
    }
    case 'contact.abandon':
      return center.abandon(c.contactId);
    case 'contact.hangup':
      return center.hangUp(c.contactId);
    case 'contact.callback':
      return center.requestCallback(c.contactId);
    case 'agent.login':
      return center.login(c.agentId);
    case 'agent.ready':
      return center.ready(c.agentId);
    case 'agent.not_ready':
      return center.notReady(c.agentId, c.reason);
    case 'agent.logout':
      return center.logout(c.agentId);
    case 'agent.accept':
      return center.accept(c.agentId, c.contactId);
    case 'agent.decline':
      return center.decline(c.agentId, c.contactId);
    case 'agent.hold':
      return center.hold(c.agentId, c.contactId, c.onHold);
    case 'agent.end':
      return center.end(c.agentId, c.contactId);
    case 'agent.wrap_up':
      return center.finishWrapUp(c.agentId, c.contactId, c.disposition);
    case 'supervisor.position':
      return center.moveToPosition(c.contactId, c.position);
    case 'supervisor.priority':
      return center.setPriority(c.contactId, c.priority);
    case 'supervisor.queue':
      return center.moveToQueue(c.contactId, c.queueId);
    case 'supervisor.assign':
      return center.assign(c.contactId, c.agentId);
    case 'supervisor.transfer':
      return center.transfer(c.contactId, c.agentId);
  }
}
