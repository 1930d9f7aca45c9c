/**
 * Pushes the live statistics to supervisors as the center changes: at most
 * one `stats.realtime` message per period, and none while nothing happens,
 * so a burst of events costs one snapshot, not one per event.
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
): () => void {
  let changed = false;
  const unsubscribe = center.subscribe(() => {
    changed = true;
  });
  const timer = setInterval(function pushStats() {
    if (!changed || hub.size === 0) return;
    changed = false;
    hub.broadcast({ kind: 'stats.realtime', snapshot: stats.snapshot() }, isStaff);
  }, periodMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
