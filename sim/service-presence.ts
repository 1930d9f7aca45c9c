/**
 * Agent presence inferred from the services an agent gave, closer than
 * whole intervals: an agent is taken to be at work from a little before
 * each service it started until a little after it ended, and through any
 * gap shorter than `maxGapSec`; a longer gap was a break (or the end of a
 * shift), when the agent took no calls although callers were waiting.
 *
 * The Technion importer's own inference (every interval with a service in
 * it) leaves an agent ready through its breaks, which hands the replay
 * capacity the bank never had.
 */
import type { TechnionCall } from './technion.js';
import type { TraceEvent } from './trace.js';

export interface ServicePresenceOptions {
  /** A gap between two services longer than this is a break. */
  maxGapSec: number;
  /** At work this long before a service started (the answer delay). */
  leadSec: number;
  /** At work this long after a service ended. */
  trailSec: number;
  /** Queues of an agent given the service types it took, sorted. */
  queuesOf: (served: string[]) => string[];
  /** Seconds from the trace's start to the midnight of a call's date. */
  offsetOf: (date: string) => number;
}

/** Login, ready and logout events, per agent, by service windows. */
export function servicePresence(
  calls: readonly TechnionCall[],
  options: ServicePresenceOptions,
): TraceEvent[] {
  const windows = new Map<string, { from: number; to: number }[]>();
  const served = new Map<string, Set<string>>();
  for (const call of calls) {
    if (call.server === null || call.outcome !== 'AGENT') continue;
    const offset = options.offsetOf(call.date);
    // Same fallbacks as the importer: a missing start is the queue exit,
    // a missing end means no measurable service.
    const start = offset + (call.serStart ?? call.qExit ?? call.vruExit);
    const end = call.serExit === null ? start : offset + call.serExit;
    const list = windows.get(call.server) ?? [];
    list.push({ from: Math.max(0, start - options.leadSec), to: Math.max(start, end) + options.trailSec });
    windows.set(call.server, list);
    served.set(call.server, (served.get(call.server) ?? new Set()).add(call.type));
  }

  const events: TraceEvent[] = [];
  for (const [agent, list] of windows) {
    const queues = options.queuesOf([...(served.get(agent) ?? [])].sort());
    for (const { from, to } of merge(list, options.maxGapSec)) {
      events.push({ type: 'agent.login', t: from, agent, queues });
      events.push({ type: 'agent.ready', t: from, agent });
      events.push({ type: 'agent.logout', t: to, agent });
    }
  }
  return events;
}

/** Joins windows whose gap is at most `maxGap`; the result is sorted. */
function merge(list: { from: number; to: number }[], maxGap: number) {
  const sorted = [...list].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: { from: number; to: number }[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    if (last && w.from - last.to <= maxGap) last.to = Math.max(last.to, w.to);
    else merged.push({ ...w });
  }
  return merged;
}
