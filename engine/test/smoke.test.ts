import { describe, expect, it } from 'vitest';
import { harness, simpleConfig } from './harness.js';

describe('a contact through its whole life', () => {
  it('is offered, answered, ended and wrapped up with exact timestamps', () => {
    const h = harness(simpleConfig(1, { wrapUpSec: 10, ringTimeoutSec: 20 }));
    h.ready('a1');

    const outcome = h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.advance(3_000);
    h.center.accept('a1', 'c1');
    h.advance(60_000);
    h.center.end('a1', 'c1');
    h.advance(10_000);

    expect(outcome).toEqual({ kind: 'offered', contactId: 'c1', agentId: 'a1', offerId: 'c1:1' });
    const record = h.of('contact.closed')[0]!.record;
    expect(record.answeredAt! - record.queuedAt).toBe(3_000);
    expect(record.endedAt! - record.answeredAt!).toBe(60_000);
    expect(record.wrapUpEndedAt! - record.endedAt!).toBe(10_000);
    expect(record.outcome).toBe('completed');
    expect(h.center.agentStatus('a1').state).toBe('ready');
  });
});
