import { describe, expect, it } from 'vitest';
import type { CenterConfigInput } from '../config.js';
import { harness, simpleConfig, T0 } from './harness.js';

const ids = (views: { id: string }[]) => views.map((v) => v.id);

function waitingFive() {
  const h = harness(simpleConfig(2));
  for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) {
    h.center.createContact({ channel: 'voice', queueId: 'q', id });
    h.advance(1_000);
  }
  return h;
}

describe('supervisor operations on a queue', () => {
  it('moves a contact to a position without resetting its wait clock', () => {
    const h = waitingFive();

    h.center.moveToPosition('c5', 1);
    h.center.moveToPosition('c1', 4);
    h.center.moveToPosition('c3', 0);

    expect(ids(h.center.queueContents('q'))).toEqual(['c3', 'c5', 'c2', 'c4', 'c1']);
    expect(h.center.contact('c5')!.record.queuedAt).toBe(T0 + 4_000);
    h.ready('a1');
    expect(h.offers()).toEqual(['c3→a1']);
  });

  it('reorders at once when a priority changes', () => {
    const h = waitingFive();

    h.center.setPriority('c4', 3);

    expect(ids(h.center.queueContents('q'))).toEqual(['c4', 'c1', 'c2', 'c3', 'c5']);
    expect(h.of('contact.moved').at(-1)).toMatchObject({ contactId: 'c4', priority: 3 });
  });

  it('refuses a position outside the queue', () => {
    const h = waitingFive();

    expect(() => h.center.moveToPosition('c1', 9)).toThrow(
      expect.objectContaining({ code: 'invalid_position' }),
    );
  });

  it('moves a contact to another queue, where it ranks by its first entry', () => {
    const config: CenterConfigInput = {
      skills: ['general'],
      queues: [
        { id: 'q', skills: [{ skill: 'general' }] },
        { id: 'other', skills: [{ skill: 'general' }] },
      ],
      agents: [{ id: 'a1', name: 'Ann', skills: { general: 3 }, queues: ['other'] }],
    };
    const h = harness(config);
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'early' });
    h.advance(1_000);
    h.center.createContact({ channel: 'voice', queueId: 'other', id: 'late' });

    h.center.moveToQueue('early', 'other');
    h.ready('a1');

    expect(h.offers()).toEqual(['early→a1']);
    expect(h.center.contact('early')!.queueId).toBe('other');
  });

  it('assigns a contact to a ready agent at once, or keeps it for a not-ready one', () => {
    const h = waitingFive();
    h.ready('a2');
    h.center.login('a1');

    h.center.assign('c4', 'a1');
    const kept = h.center.agentStatus('a1').personalQueue;
    const waiting = ids(h.center.queueContents('q'));
    h.center.ready('a1');

    expect(kept).toEqual(['c4']);
    expect(waiting).toEqual(['c2', 'c3', 'c5']);
    expect(h.offers()).toEqual(['c1→a2', 'c4→a1']);
  });

  it('transfers a connected contact to another agent, freeing the first', () => {
    const h = harness(simpleConfig(2));
    h.ready('a1', 'a2');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.center.accept('a1', 'c1');
    h.advance(30_000);

    h.center.transfer('c1', 'a2');
    h.center.accept('a2', 'c1');

    expect(h.center.agentStatus('a1').state).toBe('ready');
    expect(h.center.agentStatus('a2').state).toBe('busy');
    const record = h.center.contact('c1')!.record;
    expect([record.agentId, record.answeredAt, record.transfers]).toEqual([
      'a2',
      T0,
      [{ from: 'a1', to: 'a2', at: T0 + 30_000 }],
    ]);
  });
});
