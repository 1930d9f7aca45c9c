/**
 * The clock a live server runs on: a virtual clock driven by wall time.
 *
 * Timers sit on the simulator's calendar with absolute deadlines; one real
 * timer wakes the clock at the earliest deadline, and every command first
 * brings the clock up to the wall clock (`catchUp`), running each timer due
 * on the way in deadline order. So a live run and its replay from the
 * journal see the same events in the same order at the same times, and a
 * deadline that passed while the process was down fires once, at once,
 * when the clock goes live again.
 */
import { VirtualClock } from '../sim/virtual-clock.js';
import type { EngineClock } from './clock.js';

export class LiveClock implements EngineClock {
  private readonly virtual: VirtualClock;
  private wake: ReturnType<typeof setTimeout> | null = null;
  private wakeAt = Infinity;
  private live = false;
  private running = false;

  /**
   * @param start the first instant; a recovering engine passes the time of
   *   its first journal entry and replays before going live.
   */
  constructor(
    start: number = Date.now(),
    private readonly wallNow: () => number = () => Date.now(),
  ) {
    this.virtual = new VirtualClock(start);
  }

  now = (): number => this.virtual.now();

  setTimeout = (fn: () => void, ms: number): unknown => {
    const handle = this.virtual.setTimeout(fn, ms);
    this.arm();
    return handle;
  };

  clearTimeout = (id: unknown): void => {
    this.virtual.clearTimeout(id);
  };

  /** Replays time up to `at` without the wall clock (journal replay). */
  replayUntil(at: number): void {
    if (at > this.virtual.now()) this.virtual.runUntil(at);
  }

  /** From now on, time follows the wall clock; overdue timers fire now. */
  goLive(): void {
    this.live = true;
    this.catchUp();
  }

  /** Runs every timer due up to the wall clock's now. */
  catchUp(): void {
    // Inside a timer the clock is already where it must be.
    if (!this.live || this.running) return;
    const target = Math.max(this.wallNow(), this.virtual.now());
    this.running = true;
    try {
      this.virtual.runUntil(target);
    } finally {
      this.running = false;
    }
    this.wakeAt = Infinity;
    this.arm();
  }

  /**
   * The clock as code outside the engine's steps reads it (the API:
   * sessions, throttles, frame limits, chat times): the wall's time once
   * live, never behind the engine's. Between commands the engine's own
   * `now` stands at the last step, and must: a step's events and its
   * journal entry share one instant. Timers set here are due at wall time.
   */
  outside(): EngineClock {
    const now = (): number =>
      this.live ? Math.max(this.wallNow(), this.virtual.now()) : this.virtual.now();
    return {
      now,
      setTimeout: (fn, ms) => this.setTimeout(fn, ms + (now() - this.virtual.now())),
      clearTimeout: this.clearTimeout,
    };
  }

  stop(): void {
    this.live = false;
    if (this.wake) clearTimeout(this.wake);
    this.wake = null;
    this.wakeAt = Infinity;
  }

  private arm(): void {
    if (!this.live) return;
    const next = this.virtual.peekTime();
    if (next === undefined || next >= this.wakeAt) return;
    if (this.wake) clearTimeout(this.wake);
    this.wakeAt = next;
    this.wake = setTimeout(
      () => {
        this.wake = null;
        this.wakeAt = Infinity;
        this.catchUp();
      },
      Math.max(0, next - this.wallNow()),
    );
    // A pending deadline alone does not keep the process alive.
    this.wake.unref?.();
  }
}
