import { describe, expect, it } from 'vitest';
import { contactTimes } from './contactTimes.js';
import { abandoned, answered } from './testSupport.js';

describe('contact times', () => {
  it('keeps queue wait out of talk time: waited 45 s, talked 60 s, 105 s in all', () => {
    const record = answered({ waitMs: 45_000, talkMs: 60_000 });

    const times = contactTimes(record);

    expect(times.waitMs).toBe(45_000);
    expect(times.talkMs).toBe(60_000);
    expect(times.handleMs).toBe(60_000);
    expect(times.totalMs).toBe(105_000);
  });

  it('makes handle time talk plus hold plus wrap-up, measured from the answer', () => {
    const record = answered({ waitMs: 30_000, talkMs: 240_000, holdMs: 60_000, wrapUpMs: 45_000 });

    const times = contactTimes(record);

    expect(times).toEqual({
      waitMs: 30_000,
      talkMs: 240_000,
      holdMs: 60_000,
      wrapUpMs: 45_000,
      handleMs: 345_000,
      totalMs: 375_000,
    });
  });

  it('gives an abandoned contact its wait and no handle time', () => {
    const times = contactTimes(abandoned({ waitMs: 90_000 }));

    expect(times).toMatchObject({ waitMs: 90_000, talkMs: 0, handleMs: 0, totalMs: 90_000 });
  });

  it('does not count the wait in a queue after a transfer as talk', () => {
    const first = answered({ waitMs: 10_000, talkMs: 100_000 });
    const transferAt = first.answeredAt! + 40_000;
    const secondAcceptAt = transferAt + 15_000;
    const record = {
      ...first,
      transfers: [{ from: 'ann', to: 'billing', at: transferAt }],
      offers: [
        ...first.offers,
        {
          offerId: 'o-second',
          agentId: 'bob',
          queueId: 'billing',
          offeredAt: secondAcceptAt - 3_000,
          endedAt: secondAcceptAt,
          outcome: 'accepted' as const,
        },
      ],
      agentId: 'bob',
    };

    const times = contactTimes(record);

    expect(times.talkMs).toBe(85_000);
  });
});
