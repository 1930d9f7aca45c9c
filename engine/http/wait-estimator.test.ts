import { describe, expect, it } from 'vitest';
import { harness, simpleConfig } from '../test/harness.js';
import { WaitEstimator } from './wait-estimator.js';

describe('the estimated wait', () => {
  it('divides the work ahead by the logged-in agents who serve the queue', () => {
    const h = harness(simpleConfig(3, { wrapUpSec: 0 }));
    h.center.login('a1');
    h.center.login('a2');
    const estimator = new WaitEstimator(h.center);

    const twoAgents = estimator.estimateSec('q', 3);
    h.center.logout('a2');

    expect(twoAgents).toBe((4 * 180) / 2);
    expect(h.center.staffedCount('q')).toBe(1);
    expect(estimator.estimateSec('q', 0)).toBe(180);
  });

  it('learns handle times from the contacts already in the store', () => {
    const h = harness(simpleConfig(1, { wrapUpSec: 0 }));
    h.ready('a1');
    for (const [id, talk] of [
      ['c1', 60_000],
      ['c2', 120_000],
    ] as const) {
      h.center.createContact({ channel: 'voice', queueId: 'q', id });
      h.center.accept('a1', id);
      h.advance(talk);
      h.center.end('a1', id);
    }

    const restarted = new WaitEstimator(h.center);

    expect(restarted.averageHandleSec('q')).toBe(90);
  });
});
