/**
 * How one domain event changes a tracked contact, as data: the store then
 * applies the change and keeps its indexes. Pure, so each rule is tested
 * without a store or a browser.
 */
import type { DomainEvent } from '../api/types';
import { unseenContact, type LiveContact } from './LiveContact';

export type ContactChange =
  { kind: 'set'; contact: LiveContact; reordered: boolean } | { kind: 'remove' } | { kind: 'none' };

type ContactEvent = Exclude<DomainEvent, { type: 'agent.state' }>;

const none: ContactChange = { kind: 'none' };

export function contactChange(
  event: ContactEvent,
  current: LiveContact | undefined,
): ContactChange {
  const c =
    current ?? unseenContact(event.contactId, 'queueId' in event ? event.queueId : '', event.at);
  const set = (patch: Partial<LiveContact>, reordered = false): ContactChange => ({
    kind: 'set',
    contact: { ...c, ...patch },
    reordered,
  });

  switch (event.type) {
    case 'contact.created':
      return set({
        channel: event.channel,
        queueId: event.queueId,
        customerId: event.customerId,
        createdAt: event.at,
      });
    case 'contact.queued':
      return set({
        status: 'waiting',
        queueId: event.queueId,
        personalAgentId: event.personalAgentId,
        offeredTo: null,
        agentId: null,
        expiresAt: null,
        queuedAt: current && current.status !== 'new' ? c.queuedAt : event.at,
      });
    case 'contact.offered':
      return set({
        status: 'ringing',
        offeredTo: event.agentId,
        queueId: event.queueId,
        expiresAt: event.expiresAt,
      });
    case 'contact.offer_ended':
      // Accepted and cancelled offers are followed by connected / abandoned.
      if (event.outcome === 'accepted' || event.outcome === 'cancelled') return none;
      return set({ status: 'waiting', offeredTo: null, expiresAt: null });
    case 'contact.connected':
      return set({
        status: 'active',
        agentId: event.agentId,
        offeredTo: null,
        personalAgentId: null,
        expiresAt: null,
      });
    case 'contact.held':
      return set({ status: event.onHold ? 'held' : 'active' });
    case 'contact.ended':
      return set({ status: 'wrapUp', agentId: event.agentId, wrapUpUntil: event.wrapUpUntil });
    case 'contact.callback_requested':
      return set({ callbackRequested: true });
    case 'contact.overflowed':
      return set({ queueId: event.to });
    case 'contact.transferred':
      return set({ status: 'waiting', agentId: null, personalAgentId: event.to });
    case 'contact.moved':
      // Only waiting contacts are moved. A move to a position shows only as
      // a new priority, so the queue's order must be read again.
      return set(
        {
          status: 'waiting',
          queueId: event.queueId,
          priority: event.priority,
          personalAgentId: event.personalAgentId,
        },
        true,
      );
    case 'contact.abandoned':
    case 'contact.closed':
      return current ? { kind: 'remove' } : none;
  }
}
