import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../api/types';
import { contactChange } from './contactChange';
import { unseenContact, type LiveContact } from './LiveContact';

const waiting: LiveContact = {
  ...unseenContact('c1', 'billing', 1_000),
  status: 'waiting',
  channel: 'chat',
};

function event<T extends DomainEvent['type']>(type: T, fields: object): DomainEvent {
  return { type, seq: 1, at: 2_000, contactId: 'c1', ...fields } as DomainEvent;
}

describe('contactChange', () => {
  it('puts a declined offer back in the queue, no longer ringing anyone', () => {
    const ringing = { ...waiting, status: 'ringing' as const, offeredTo: 'a1' };

    const change = contactChange(
      event('contact.offer_ended', { offerId: 'o1', agentId: 'a1', outcome: 'declined' }) as never,
      ringing,
    );

    expect(change).toMatchObject({ kind: 'set', contact: { status: 'waiting', offeredTo: null } });
  });

  it('leaves an accepted offer alone, since the connected event follows', () => {
    const change = contactChange(
      event('contact.offer_ended', { offerId: 'o1', agentId: 'a1', outcome: 'accepted' }) as never,
      waiting,
    );

    expect(change.kind).toBe('none');
  });

  it('hands a transferred contact to the personal queue of the agent it went to', () => {
    const active = { ...waiting, status: 'active' as const, agentId: 'a1' };

    const change = contactChange(
      event('contact.transferred', { from: 'a1', to: 'a2' }) as never,
      active,
    );

    expect(change).toMatchObject({
      kind: 'set',
      contact: { status: 'waiting', agentId: null, personalAgentId: 'a2' },
    });
  });

  it('marks a moved contact for a re-read of its queue order', () => {
    const change = contactChange(
      event('contact.moved', { queueId: 'sales', priority: 3, personalAgentId: null }) as never,
      waiting,
    );

    expect(change).toMatchObject({
      kind: 'set',
      reordered: true,
      contact: { queueId: 'sales', priority: 3 },
    });
  });

  it('keeps the first queued time when a contact is queued again', () => {
    const change = contactChange(
      event('contact.queued', { queueId: 'billing', personalAgentId: null }) as never,
      waiting,
    );

    expect(change).toMatchObject({ kind: 'set', contact: { queuedAt: 1_000 } });
  });

  it('forgets a closed contact, and ignores the close of one it never saw', () => {
    const closed = event('contact.closed', { record: {} }) as never;

    expect(contactChange(closed, waiting).kind).toBe('remove');
    expect(contactChange(closed, undefined).kind).toBe('none');
  });
});
