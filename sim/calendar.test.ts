import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar, type CalendarHandle } from './calendar.js';

/** Runs every entry left on the calendar. */
function runToEnd(calendar: Calendar): void {
  while (calendar.runNext()) {
    // each entry records itself
  }
}

describe('Calendar', () => {
  it('runs entries in time order whatever order they were scheduled in', () => {
    const calendar = new Calendar();
    const log: string[] = [];
    calendar.schedule(30_000, () => log.push('c'));
    calendar.schedule(10_000, () => log.push('a'));
    calendar.schedule(20_000, () => log.push('b'));

    runToEnd(calendar);

    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('runs entries at the same time in the order they were scheduled', () => {
    const calendar = new Calendar();
    const log: string[] = [];
    for (const label of ['first', 'second', 'third', 'fourth']) {
      calendar.schedule(5_000, () => log.push(label));
    }
    calendar.schedule(1_000, () => log.push('earlier'));

    runToEnd(calendar);

    expect(log).toEqual(['earlier', 'first', 'second', 'third', 'fourth']);
  });

  it('removes a cancelled entry from the middle and keeps the rest in order', () => {
    const calendar = new Calendar();
    const log: string[] = [];
    calendar.schedule(1_000, () => log.push('a'));
    const middle = calendar.schedule(2_000, () => log.push('b'));
    calendar.schedule(3_000, () => log.push('c'));

    const cancelled = calendar.cancel(middle);
    runToEnd(calendar);

    expect(cancelled).toBe(true);
    expect(log).toEqual(['a', 'c']);
  });

  it('refuses to cancel an entry twice or after it has run', () => {
    const calendar = new Calendar();
    const ran = calendar.schedule(1_000, () => {});
    const cancelled = calendar.schedule(2_000, () => {});
    calendar.runNext();
    calendar.cancel(cancelled);

    expect(calendar.cancel(ran)).toBe(false);
    expect(calendar.cancel(cancelled)).toBe(false);
    expect(calendar.size).toBe(0);
  });

  it('ignores a handle that belongs to another calendar', () => {
    const mine = new Calendar();
    const theirs = new Calendar();
    mine.schedule(1_000, () => {});
    const foreign = theirs.schedule(1_000, () => {});

    expect(mine.cancel(foreign)).toBe(false);
    expect(mine.size).toBe(1);
    expect(theirs.size).toBe(1);
  });

  it('reports the earliest time and hands entries out with next()', () => {
    const calendar = new Calendar();
    const fn = () => {};
    calendar.schedule(7_500, fn);
    calendar.schedule(2_500, fn);

    expect(calendar.peekTime()).toBe(2_500);
    expect(calendar.next()).toEqual({ at: 2_500, fn });
    expect(calendar.peekTime()).toBe(7_500);
    expect(calendar.size).toBe(1);
  });

  it('answers undefined and false when empty', () => {
    const calendar = new Calendar();

    expect(calendar.peekTime()).toBeUndefined();
    expect(calendar.next()).toBeUndefined();
    expect(calendar.runNext()).toBe(false);
  });

  it('rejects a time that is not a finite number', () => {
    const calendar = new Calendar();

    expect(() => calendar.schedule(Number.NaN, () => {})).toThrow(RangeError);
    expect(() => calendar.schedule(Infinity, () => {})).toThrow(RangeError);
  });

  it('cancels each of ten thousand simultaneous timers cheaply', () => {
    const calendar = new Calendar();
    const handles: CalendarHandle[] = [];
    for (let i = 0; i < 10_000; i++) {
      handles.push(calendar.schedule(60_000, () => {}));
    }
    const started = performance.now();

    for (let i = handles.length - 1; i >= 0; i -= 2) {
      calendar.cancel(handles[i] as CalendarHandle);
    }

    expect(calendar.size).toBe(5_000);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('agrees with a sorted-array model under random schedules and cancels', () => {
    type Op =
      | { kind: 'schedule'; at: number }
      | { kind: 'cancel'; pick: number }
      | { kind: 'pop' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('schedule' as const),
        // a narrow range of times makes ties common
        at: fc.integer({ min: 0, max: 20 }),
      }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('pop' as const) }),
    );

    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const calendar = new Calendar();
        const model: { at: number; seq: number }[] = [];
        const handles = new Map<number, CalendarHandle>();
        const ran: { at: number; seq: number }[] = [];
        const expected: { at: number; seq: number }[] = [];
        let seq = 0;

        for (const step of ops) {
          if (step.kind === 'schedule') {
            const entry = { at: step.at, seq: seq++ };
            const record = () => ran.push(entry);
            handles.set(entry.seq, calendar.schedule(entry.at, record));
            model.push(entry);
            model.sort((a, b) => a.at - b.at || a.seq - b.seq);
          } else if (step.kind === 'cancel' && model.length > 0) {
            const [victim] = model.splice(step.pick % model.length, 1);
            if (victim === undefined) throw new Error('model out of range');
            const handle = handles.get(victim.seq) as CalendarHandle;
            expect(calendar.cancel(handle)).toBe(true);
          } else if (step.kind === 'pop') {
            const head = model.shift();
            if (head !== undefined) expected.push(head);
            expect(calendar.runNext()).toBe(head !== undefined);
          }
          expect(calendar.size).toBe(model.length);
          expect(calendar.peekTime()).toBe(model[0]?.at);
        }
        runToEnd(calendar);
        expected.push(...model);

        expect(ran).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
