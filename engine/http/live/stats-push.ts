/**
 * Pushes the live statistics to supervisors as the center changes: at most
 * one `stats.realtime` message per period, so a burst of events costs one
 * snapshot, not one per event; and while anyone waits, every period even
 * without events, since the longest wait grows by itself.
 */
import { isStaff } from '../../auth/principal.js';
import type { ContactCenter } from '../../center.js';
import type { CenterStats } from '../../center-stats.js';
import type { LiveHub } from './live-hub.js';

export function pushRealtimeStats(
  center: ContactCenter,
  hub: LiveHub,
  stats: CenterStats,
  periodMs: number,
  now: () => number,
): () => void {
  let changed = false;
  let waiting = false;
  const unsubscribe = center.subscribe(() => {
    changed = true;
  });
  const timer = setInterval(function pushStats() {
    if ((!changed && !waiting) || hub.size === 0) return;
    changed = false;
    const snapshot = stats.snapshot(now());
    waiting = snapshot.center.waiting > 0;
    hub.broadcast({ kind: 'stats.realtime', snapshot }, isStaff);
  }, periodMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
