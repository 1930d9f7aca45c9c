import { createActor, createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock.js';

const START = Date.UTC(2025, 0, 6, 9, 0, 0);

describe('VirtualClock', () => {
  it('stands still until it is run', () => {
    const clock = new VirtualClock(START);
    let fired = false;
    clock.setTimeout(() => {
      fired = true;
    }, 1_000);

    const seenBeforeRunning = clock.now();

    expect(seenBeforeRunning).toBe(START);
    expect(fired).toBe(false);
    expect(clock.pending).toBe(1);
  });

  it('shows each callback the time it was scheduled for', () => {
    const clock = new VirtualClock(START);
    const seen: number[] = [];
    clock.setTimeout(() => seen.push(clock.now()), 2_000);
    clock.at(START + 500, () => seen.push(clock.now()));

    clock.runAll();

    expect(seen).toEqual([START + 500, START + 2_000]);
  });

  it('leaves the clock at the end of a runUntil window', () => {
    const clock = new VirtualClock(START);
    clock.setTimeout(() => {}, 1_000);

    const ran = clock.runUntil(START + 30_000);

    expect(ran).toBe(1);
    expect(clock.now()).toBe(START + 30_000);
  });

  it('fires zero and negative delays now, after what is already due now', () => {
    const clock = new VirtualClock(START);
    const log: string[] = [];
    clock.at(START, () => log.push('scheduled event'));
    clock.setTimeout(() => log.push('zero'), 0);
    clock.setTimeout(() => log.push('negative'), -250);
    clock.setTimeout(() => log.push('not a number'), Number.NaN);

    clock.runUntil(START);

    expect(log).toEqual(['scheduled event', 'zero', 'negative', 'not a number']);
  });

  it('runs timers that callbacks set inside the same window', () => {
    const clock = new VirtualClock(START);
    const log: number[] = [];
    clock.setTimeout(() => {
      log.push(clock.now());
      clock.setTimeout(() => log.push(clock.now()), 0);
      clock.setTimeout(() => log.push(clock.now()), 4_000);
    }, 1_000);

    clock.runUntil(START + 5_000);

    expect(log).toEqual([START + 1_000, START + 1_000, START + 5_000]);
  });

  it('forgets a cleared timer and ignores ids it does not know', () => {
    const clock = new VirtualClock(START);
    let fired = false;
    const id = clock.setTimeout(() => {
      fired = true;
    }, 1_000);

    clock.clearTimeout(id);
    clock.clearTimeout(id);
    clock.clearTimeout(42);
    clock.clearTimeout(undefined);
    clock.runAll();

    expect(fired).toBe(false);
    expect(clock.now()).toBe(START);
  });

  it('steps one entry at a time', () => {
    const clock = new VirtualClock(START);
    clock.at(START + 10_000, () => {});
    clock.at(START + 20_000, () => {});

    const first = clock.step();
    const timeAfterFirst = clock.now();
    clock.step();
    const third = clock.step();

    expect(first).toBe(true);
    expect(timeAfterFirst).toBe(START + 10_000);
    expect(third).toBe(false);
    expect(clock.now()).toBe(START + 20_000);
  });

  it('stops runAll after the given number of entries', () => {
    const clock = new VirtualClock(START);
    const rearm = () => {
      clock.setTimeout(rearm, 1_000);
    };
    clock.setTimeout(rearm, 1_000);

    const ran = clock.runAll(10);

    expect(ran).toBe(10);
    expect(clock.now()).toBe(START + 10_000);
    expect(clock.pending).toBe(1);
  });

  it('cancels an event scheduled with at()', () => {
    const clock = new VirtualClock(START);
    const handle = clock.at(START + 1_000, () => {});

    const cancelled = clock.cancel(handle);

    expect(cancelled).toBe(true);
    expect(clock.pending).toBe(0);
    expect(clock.peekTime()).toBeUndefined();
  });

  it('refuses to schedule or run into the past', () => {
    const clock = new VirtualClock(START);
    clock.runUntil(START + 1_000);

    expect(() => clock.at(START, () => {})).toThrow(RangeError);
    expect(() => clock.runUntil(START)).toThrow(RangeError);
    expect(() => clock.setTimeout(() => {}, Infinity)).toThrow(RangeError);
  });

  it('refuses to be run from inside one of its own callbacks', () => {
    const clock = new VirtualClock(START);
    let failure: unknown;
    clock.setTimeout(() => {
      try {
        clock.runUntil(START + 10_000);
      } catch (error) {
        failure = error;
      }
    }, 1_000);

    clock.runAll();

    expect(failure).toBeInstanceOf(Error);
    expect(clock.now()).toBe(START + 1_000);
  });

  it('keeps working when its clock methods are passed around alone', () => {
    const clock = new VirtualClock(START);
    const { now, setTimeout, clearTimeout } = clock;
    let fired = false;

    const id = setTimeout(() => {
      fired = true;
    }, 1_000);
    clearTimeout(id);
    setTimeout(() => {}, 2_000);
    clock.runAll();

    expect(fired).toBe(false);
    expect(now()).toBe(START + 2_000);
  });

  it('drives the delayed transitions of an XState actor', () => {
    const clock = new VirtualClock(START);
    const machine = createMachine({
      initial: 'waiting',
      states: {
        waiting: { after: { 5000: 'done' } },
        done: { type: 'final' },
      },
    });
    const actor = createActor(machine, { clock }).start();

    clock.runUntil(START + 4_999);
    const before = actor.getSnapshot().value;
    clock.runUntil(START + 5_000);
    const after = actor.getSnapshot();

    expect(before).toBe('waiting');
    expect(after.value).toBe('done');
    expect(after.status).toBe('done');
  });

  it('drops the XState timer when the actor leaves the state early', () => {
    const clock = new VirtualClock(START);
    const machine = createMachine({
      initial: 'waiting',
      states: {
        waiting: { after: { 5000: 'timedOut' }, on: { ANSWER: 'talking' } },
        talking: {},
        timedOut: {},
      },
    });
    const actor = createActor(machine, { clock }).start();

    clock.runUntil(START + 1_000);
    actor.send({ type: 'ANSWER' });
    clock.runUntil(START + 10_000);

    expect(actor.getSnapshot().value).toBe('talking');
    expect(clock.pending).toBe(0);
  });
});
