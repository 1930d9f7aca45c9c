/**
 * The durations of one contact: how long it waited and how long agents
 * worked on it. Handle time is measured from the answer, so queue wait is
 * never part of talk time.
 */
import { span, type ContactRecord } from '../records.js';
import { queueExit } from './queueExit.js';

export interface ContactTimes {
  /** queuedAt until it left the live queue (see `queueExit`); null if never. */
  waitMs: number | null;
  /**
   * endedAt − answeredAt − holdMs, less any time it spent queued again after
   * a transfer (from the transfer to the next accept), which is wait and not
   * talk. If the customer left during such a requeue, abandonedAt ends it.
   */
  talkMs: number;
  /** Total time on hold, as the record keeps it. */
  holdMs: number;
  /** After-contact work: wrapUpEndedAt − endedAt. */
  wrapUpMs: number;
  /** talk + hold + wrap-up; zero for a contact no agent answered. */
  handleMs: number;
  /** wait + handle: the contact's time from queue entry to the end of work. */
  totalMs: number;
}

export function contactTimes(record: ContactRecord): ContactTimes {
  const exit = queueExit(record);
  const waitMs = exit.kind === 'none' ? null : exit.waitMs;
  if (record.answeredAt === null) {
    return { waitMs, talkMs: 0, holdMs: 0, wrapUpMs: 0, handleMs: 0, totalMs: waitMs ?? 0 };
  }

  const conversationEnd = record.endedAt ?? record.abandonedAt;
  const connected = span(record.answeredAt, conversationEnd);
  const talkMs = Math.max(
    0,
    connected - record.holdMs - requeuedAfterTransfersMs(record, conversationEnd),
  );
  const holdMs = Math.max(0, record.holdMs);
  const wrapUpMs = span(record.endedAt, record.wrapUpEndedAt);
  const handleMs = talkMs + holdMs + wrapUpMs;

  return { waitMs, talkMs, holdMs, wrapUpMs, handleMs, totalMs: (waitMs ?? 0) + handleMs };
}

/** Time between each transfer and the accept that followed it. */
function requeuedAfterTransfersMs(
  record: ContactRecord,
  conversationEnd: number | null,
): number {
  if (record.transfers.length === 0) return 0;

  const accepts = record.offers.flatMap((o) =>
    o.outcome === 'accepted' && o.endedAt !== null ? [o.endedAt] : [],
  );
  let total = 0;
  for (const transfer of record.transfers) {
    const next = accepts.filter((at) => at >= transfer.at);
    const resumedAt = next.length > 0 ? Math.min(...next) : conversationEnd;
    total += span(transfer.at, resumedAt);
  }
  return total;
}
