/**
 * One shared one-second clock for every "time in state" and countdown on
 * a page: a single interval however many components show a duration, and
 * none at all when nothing does.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The wall clock, refreshed once a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
