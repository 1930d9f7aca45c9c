/**
 * Turns closed contact records into counters. The only place contact
 * counters are incremented, shared by the interval aggregator, the
 * real-time view and any direct recomputation from raw records.
 */
import type { ContactRecord } from '../records.js';
import { contactTimes } from './contactTimes.js';
import { emptyCounters, type IntervalStats } from './intervalStats.js';
import { queueExit, type QueueExit } from './queueExit.js';
import { defaultThresholds, type StatsThresholds } from './statsThresholds.js';

/** The counters of a single contact, as if it were alone in its interval. */
export function contactCounters(
  record: ContactRecord,
  thresholds: StatsThresholds = defaultThresholds,
): IntervalStats {
  const counters = emptyCounters(thresholds);
  creditContact(counters, record);
  return counters;
}

/** Adds one closed contact to `counters` in place. */
export function creditContact(counters: IntervalStats, record: ContactRecord): void {
  counters.offered += 1;
  creditQueueExit(counters, queueExit(record));
  creditWork(counters, record);
}

/**
 * Counts how the contact left the live queue. Separate from `creditWork`
 * because the real-time view credits the exit the moment it happens, long
 * before the record closes.
 */
export function creditQueueExit(counters: IntervalStats, exit: QueueExit): void {
  if (exit.kind === 'none') return;
  const { serviceLevelMs, shortAbandonMs } = counters.thresholds;
  const withinT = exit.waitMs <= serviceLevelMs;
  counters.maxWaitMs = Math.max(counters.maxWaitMs, exit.waitMs);

  switch (exit.kind) {
    case 'answered':
      counters.answered += 1;
      counters.answeredWaitSumMs += exit.waitMs;
      if (withinT) counters.answeredWithinT += 1;
      return;
    case 'abandoned':
      counters.abandoned += 1;
      counters.abandonedWaitSumMs += exit.waitMs;
      if (withinT) counters.abandonedWithinT += 1;
      else counters.abandonedAfterT += 1;
      if (exit.waitMs <= shortAbandonMs) counters.abandonedWithinShort += 1;
      return;
    case 'callback':
      counters.callbacksRequested += 1;
      counters.callbackWaitSumMs += exit.waitMs;
      return;
  }
}

/** Counts overflows, transfers and the agents' handling of the contact. */
export function creditWork(counters: IntervalStats, record: ContactRecord): void {
  if (record.overflows.length > 0) counters.overflowed += 1;
  if (record.transfers.length > 0) counters.transferred += 1;
  if (record.answeredAt === null) return;

  const times = contactTimes(record);
  counters.handled += 1;
  counters.talkSumMs += times.talkMs;
  counters.holdSumMs += times.holdMs;
  counters.wrapUpSumMs += times.wrapUpMs;
  counters.handleSumMs += times.handleMs;
}
