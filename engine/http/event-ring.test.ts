/** The ring of recent events that reconnecting live clients replay from. */
import { describe, expect, it } from 'vitest';
import { EventRing } from './live/event-ring.js';

const seqs = (ring: EventRing<{ seq: number }>, since: number) =>
  ring.after(since)?.map((e) => e.seq) ?? null;

describe('the event ring', () => {
  it('returns the events after a seq, even when seqs skip values', () => {
    const ring = new EventRing<{ seq: number }>(4);
    for (const seq of [2, 5, 6, 9]) ring.push({ seq });

    expect(seqs(ring, 5)).toEqual([6, 9]);
    expect(seqs(ring, 9)).toEqual([]);
  });

  it('says a replay is impossible once an event after the seq was dropped', () => {
    const ring = new EventRing<{ seq: number }>(2);
    for (const seq of [1, 2, 3, 4]) ring.push({ seq });

    expect(seqs(ring, 1)).toBeNull();
    expect(seqs(ring, 2)).toEqual([3, 4]);
  });

  it('says a replay is impossible from before the first event it saw', () => {
    const ring = new EventRing<{ seq: number }>(4);
    for (const seq of [10, 11]) ring.push({ seq });

    expect(seqs(ring, 5)).toBeNull();
    expect(seqs(ring, 9)).toEqual([10, 11]);
  });

  it('says a replay is impossible for a seq it never reached', () => {
    const ring = new EventRing<{ seq: number }>(2);
    ring.push({ seq: 3 });

    expect(seqs(ring, 40)).toBeNull();
  });

  it('refuses a capacity below one', () => {
    expect(() => new EventRing(0)).toThrow(/at least 1/);
  });
});
