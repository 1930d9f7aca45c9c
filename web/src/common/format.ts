/** How numbers, durations and times read on every page. */

/** 75 s → "1:15", 3,725 s → "1:02:05"; negative and missing read as "0:00". */
export function formatClock(totalSec: number | null | undefined): string {
  const s = Math.max(0, Math.floor(totalSec ?? 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** A wait estimate for customers: "about 3 minutes", "under a minute". */
export function formatWait(sec: number | null): string {
  if (sec === null) return 'unknown';
  if (sec < 60) return 'under a minute';
  const minutes = Math.round(sec / 60);
  return minutes === 1 ? 'about 1 minute' : `about ${minutes} minutes`;
}

export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  return fraction === null || fraction === undefined
    ? '—'
    : `${(fraction * 100).toFixed(digits)} %`;
}

export function formatSeconds(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '—' : formatClock(ms / 1000);
}

export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

/** Readable names for the engine's agent states. */
export const stateLabel: Record<string, string> = {
  loggedOut: 'Logged out',
  ready: 'Ready',
  notReady: 'Not ready',
  ringing: 'Ringing',
  busy: 'Busy',
  wrapUp: 'Wrap-up',
};
