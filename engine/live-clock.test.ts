/** The live clock: engine time stands at the last step; the API reads the wall. */
import { describe, expect, it } from 'vitest';
import { LiveClock } from './live-clock.js';

function wall(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('LiveClock', () => {
  it('lets the API read the wall while the engine’s time stands between commands', () => {
    const w = wall(1_000_000);
    const clock = new LiveClock(w.now(), w.now);
    const outside = clock.outside();
    clock.goLive();

    w.advance(40_000);

    expect(clock.now()).toBe(1_000_000);
    expect(outside.now()).toBe(1_040_000);
    clock.catchUp();
    expect(clock.now()).toBe(1_040_000);
    clock.stop();
  });

  it('reads the engine’s time before going live (a replay)', () => {
    const w = wall(5_000_000);
    const clock = new LiveClock(1_000, w.now);
    expect(clock.outside().now()).toBe(1_000);
  });

  it('sets timers from outside at wall time, not at the stale engine time', () => {
    const w = wall(1_000_000);
    const clock = new LiveClock(w.now(), w.now);
    clock.goLive();
    const fired: number[] = [];
    w.advance(60_000);

    clock.outside().setTimeout(() => fired.push(clock.now()), 1_000);
    clock.catchUp();
    expect(fired).toEqual([]);
    w.advance(1_000);
    clock.catchUp();
    expect(fired).toEqual([1_061_000]);
    clock.stop();
  });
});
