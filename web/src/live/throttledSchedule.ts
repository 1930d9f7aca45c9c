/**
 * A scheduler for `CenterStore`: a pending flush runs `gatherMs` after the
 * first event of a batch (so a burst arriving over a few frames renders
 * once, not once per frame), and never sooner than `intervalMs` after the
 * previous flush: at most about 6 renders a second however many events
 * arrive. A timer rather than animation frames, so a page in a background
 * tab still drains its events.
 */
export function throttledSchedule(intervalMs = 150, gatherMs = 40): (flush: () => void) => void {
  let last = -Infinity;
  return function schedule(flush) {
    const wait = Math.max(gatherMs, last + intervalMs - performance.now());
    setTimeout(() => {
      last = performance.now();
      flush();
    }, wait);
  };
}
