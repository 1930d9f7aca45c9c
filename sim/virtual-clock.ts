/**
 * A clock whose time moves only when the simulator runs its calendar.
 * It is an `EngineClock`, so the engine and XState (through its `clock`
 * option) set their timers on it exactly as they would on the wall clock.
 */
import type { EngineClock } from '../engine/clock.js';
import {
  Calendar,
  isCalendarHandle,
  type CalendarHandle,
} from './calendar.js';

export class VirtualClock implements EngineClock {
  private readonly calendar = new Calendar();
  private current: number;
  private running = false;

  /** @param startMs the first instant, in epoch milliseconds */
  constructor(startMs: number) {
    if (!Number.isFinite(startMs)) {
      throw new RangeError(
        `A virtual clock cannot start at ${startMs}: give epoch milliseconds.`,
      );
    }
    this.current = startMs;
  }

  // The clock methods are arrow properties so they keep working when
  // detached, as in `{ now: clock.now }`, like the wall clock's do.

  now = (): number => this.current;

  /**
   * Runs `fn` after `ms` virtual milliseconds. Zero, negative and NaN
   * delays fire at the current instant, after whatever is already due
   * then, as timers do in Node and browsers.
   */
  setTimeout = (fn: () => void, ms: number): CalendarHandle => {
    if (ms === Number.POSITIVE_INFINITY) {
      throw new RangeError(
        'A virtual timer cannot wait forever: the delay must be finite.',
      );
    }

    const delay = ms > 0 ? ms : 0; // NaN fails the test and becomes 0
    return this.calendar.schedule(this.current + delay, fn);
  };

  /** Cancels a timer; ids that are unknown or already fired are ignored. */
  clearTimeout = (id: unknown): void => {
    if (isCalendarHandle(id)) this.calendar.cancel(id);
  };

  /** Schedules a simulation event at an absolute time, now or later. */
  at(timeMs: number, fn: () => void): CalendarHandle {
    if (timeMs < this.current) {
      throw new RangeError(
        `Cannot schedule an event at ${timeMs}: the clock is already at ${this.current}.`,
      );
    }
    return this.calendar.schedule(timeMs, fn);
  }

  /** Cancels an event from `at` or a timer; false if it was not pending. */
  cancel(handle: CalendarHandle): boolean {
    return this.calendar.cancel(handle);
  }

  /** Number of timers and events still to run. */
  get pending(): number {
    return this.calendar.size;
  }

  /** Time of the next timer or event, or undefined when none is left. */
  peekTime(): number | undefined {
    return this.calendar.peekTime();
  }

  /** Moves time to the next entry and runs it; false when none is left. */
  step(): boolean {
    return this.guarded(() => this.runOne());
  }

  /**
   * Runs everything due up to and including `timeMs`, including entries
   * those callbacks schedule within the window, then leaves the clock at
   * `timeMs`. Returns how many entries ran.
   */
  runUntil(timeMs: number): number {
    if (Number.isNaN(timeMs) || timeMs < this.current) {
      throw new RangeError(
        `Cannot run until ${timeMs}: the clock is already at ${this.current}.`,
      );
    }

    return this.guarded(() => {
      let ran = 0;
      while ((this.calendar.peekTime() ?? Infinity) <= timeMs) {
        this.runOne();
        ran++;
      }
      this.current = timeMs;
      return ran;
    });
  }

  /**
   * Runs entries until none is left, or until `limit` have run (timers
   * that re-arm themselves never drain). Returns how many ran; check
   * `pending` to tell whether the calendar emptied.
   */
  runAll(limit = Infinity): number {
    return this.guarded(() => {
      let ran = 0;
      while (ran < limit && this.runOne()) ran++;
      return ran;
    });
  }

  private runOne(): boolean {
    const entry = this.calendar.next();
    if (entry === undefined) return false;

    this.current = entry.at;
    entry.fn();
    return true;
  }

  private guarded<T>(run: () => T): T {
    // A callback that advanced time itself would run later entries
    // before the one in progress had finished.
    if (this.running) {
      throw new Error(
        'The virtual clock is already running: do not step or run it from inside a timer or event.',
      );
    }

    this.running = true;
    try {
      return run();
    } finally {
      this.running = false;
    }
  }
}
