/**
 * The contact-record export: one CSV row per contact, every timestamp in
 * ISO-8601 UTC, plus the durations statistics derive from them.
 */
import type { ContactRecord } from '../records.js';
import { contactTimes, type ContactTimes } from './contactTimes.js';
import { isoTime, toCsv, type CsvOptions, type CsvValue } from './csv.js';
import { queueExit } from './queueExit.js';

/**
 * Lists inside one cell (offers, overflows, transfers) are separated by a
 * space, which ids never contain; offers are listed in the order made, and
 * the three offer columns line up item by item.
 */
type Cell = (r: ContactRecord, times: ContactTimes) => CsvValue;

const columns: readonly [string, Cell][] = [
  ['id', (r) => r.id],
  ['channel', (r) => r.channel],
  ['firstQueueId', (r) => r.firstQueueId],
  ['queueId', (r) => r.queueId],
  ['customerId', (r) => r.customerId],
  ['priority', (r) => r.priority],
  ['skills', (r) => r.skills.join(' ')],
  ['language', (r) => r.language],
  ['topic', (r) => r.topic],
  ['noEligibleAgent', (r) => r.noEligibleAgent],
  ['createdAt', (r) => isoTime(r.createdAt)],
  ['queuedAt', (r) => isoTime(r.queuedAt)],
  ['answeredAt', (r) => isoTime(r.answeredAt)],
  ['endedAt', (r) => isoTime(r.endedAt)],
  ['wrapUpEndedAt', (r) => isoTime(r.wrapUpEndedAt)],
  ['callbackRequestedAt', (r) => isoTime(r.callbackRequestedAt)],
  ['abandonedAt', (r) => isoTime(r.abandonedAt)],
  ['offeredAgents', (r) => r.offers.map((o) => o.agentId).join(' ')],
  ['offeredAt', (r) => r.offers.map((o) => isoTime(o.offeredAt)).join(' ')],
  ['offerOutcomes', (r) => r.offers.map((o) => o.outcome ?? 'open').join(' ')],
  ['agentId', (r) => r.agentId],
  ['overflows', (r) => r.overflows.map(hop).join(' ')],
  ['transfers', (r) => r.transfers.map(hop).join(' ')],
  ['queueExit', (r) => queueExit(r).kind],
  ['waitMs', (_, t) => t.waitMs],
  ['talkMs', (_, t) => t.talkMs],
  ['holdMs', (_, t) => t.holdMs],
  ['wrapUpMs', (_, t) => t.wrapUpMs],
  ['handleMs', (_, t) => t.handleMs],
  ['outcome', (r) => r.outcome],
  ['disposition', (r) => r.disposition],
];

export const contactCsvColumns: readonly string[] = columns.map(([name]) => name);

export interface ContactCsvOptions extends CsvOptions {
  /**
   * Looks up a customer's name; when given, a `customerName` column
   * follows `customerId`. Names are the customers' own text, so they are
   * neutralised like every other cell.
   */
  customerName?: (customerId: string) => string | null;
}

export function contactRecordsToCsv(
  records: Iterable<ContactRecord>,
  options: ContactCsvOptions = {},
): string {
  const { customerName } = options;
  const chosen: readonly [string, Cell][] = customerName
    ? columns.flatMap((column) =>
        column[0] === 'customerId'
          ? [column, ['customerName', (r) => (r.customerId ? customerName(r.customerId) : null)]]
          : [column],
      )
    : columns;
  const rows = [...records].map((record) => {
    const times = contactTimes(record);
    return chosen.map(([, cell]) => cell(record, times));
  });
  return toCsv(
    chosen.map(([name]) => name),
    rows,
    options,
  );
}

/** "from>to@time", e.g. "sales>support@2024-01-15T09:15:00.000Z". */
function hop(h: { from: string; to: string; at: number }): string {
  return `${h.from}>${h.to}@${isoTime(h.at) ?? ''}`;
}
