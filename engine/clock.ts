/**
 * The engine's only source of time. XState's `Clock` (setTimeout /
 * clearTimeout) plus `now()`, so the same machines run on the wall clock
 * live and on a virtual clock in the simulator.
 */
/** The shape XState's `clock` option expects (not exported by xstate). */
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

export interface EngineClock extends Clock {
  /** Milliseconds since the Unix epoch, as this clock sees it. */
  now(): number;
  /**
   * Runs the timers due before a command is applied, so commands and timers
   * interleave in time order (see live-clock.ts). Virtual clocks omit it.
   */
  catchUp?(): void;
}

/** The wall clock, for live servers. */
export const wallClock: EngineClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id as NodeJS.Timeout),
};
