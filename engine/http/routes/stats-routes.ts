/**
 * Statistics routes (supervisors and admins): the live wallboard, interval
 * reports by range, queue and agent, and the contact records, each as JSON
 * and as CSV. Every figure comes from engine/stats, the same module the
 * simulator reports with. The records CSV names each customer, so its
 * download is written to the audit log.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { authorize } from '../../auth/authorize.js';
import type { CenterStats } from '../../center-stats.js';
import { ContactRecord } from '../../records.js';
import { contactRecordsToCsv, intervalRowsToCsv } from '../../stats/index.js';
import type { ApiApp, RouteDeps } from '../api-app.js';
import { guard } from '../authenticate.js';
import { problemResponses } from '../problem.js';
import { json, signedIn } from './route-parts.js';

const staffReads = { tags: ['statistics'], security: signedIn, middleware: [guard('center.read')] };
const dayMs = 86_400_000;
/** The longest range one request may cover. */
const maxRangeMs = 92 * dayMs;

const Id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/);
const Epoch = z.coerce.number().int().min(0).max(8_640_000_000_000);

const RangeQuery = z
  .object({
    /** Epoch ms; rounded down to an interval start. Default: today 00:00 UTC, or to − 1 day. */
    from: Epoch.optional(),
    /** Epoch ms, exclusive, after from, at most 92 days on; rounded up to an interval end. Default: from + 1 day. */
    to: Epoch.optional(),
    queueId: Id.optional(),
    agentId: Id.optional(),
  })
  .refine((q) => !(q.queueId && q.agentId), {
    message: 'ask for a queue or an agent, not both',
    path: ['agentId'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to > q.from, {
    message: 'to must come after from',
    path: ['to'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.to - q.from <= maxRangeMs, {
    message: 'a report covers at most 92 days',
    path: ['to'],
  });

const RecordsQuery = z.object({
  from: Epoch.optional(),
  to: Epoch.optional(),
  queueId: Id.optional(),
  agentId: Id.optional(),
  customerId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(1_000),
});

const Loose = z.record(z.string(), z.unknown());

const realtimeRoute = createRoute({
  method: 'get',
  path: '/api/stats/realtime',
  summary: 'Now: waiting, longest wait, agents by state, and today per queue and center',
  ...staffReads,
  responses: { 200: json(Loose, 'The live snapshot.'), ...problemResponses(401, 403) },
});

const intervalsRoute = createRoute({
  method: 'get',
  path: '/api/stats/intervals',
  summary: 'Interval rows of a range for the center, a queue or an agent, with the roll-up',
  ...staffReads,
  request: { query: RangeQuery },
  responses: { 200: json(Loose, 'Rows and their total.'), ...problemResponses(400, 401, 403) },
});

const intervalsCsvRoute = createRoute({
  method: 'get',
  path: '/api/stats/intervals.csv',
  summary: 'The same rows as CSV',
  ...staffReads,
  request: { query: RangeQuery },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(400, 401, 403),
  },
});

const recordsRoute = createRoute({
  method: 'get',
  path: '/api/contact-records',
  summary: 'Closed contact records (every timestamp, agents offered, outcome), by entry time',
  ...staffReads,
  request: { query: RecordsQuery },
  responses: { 200: json(z.array(ContactRecord), 'Records.'), ...problemResponses(400, 401, 403) },
});

const recordsCsvRoute = createRoute({
  method: 'get',
  path: '/api/contact-records.csv',
  summary: 'The same records as CSV with customer names, formula-looking cells neutralised',
  ...staffReads,
  request: { query: RecordsQuery },
  responses: {
    200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(400, 401, 403),
  },
});

export function registerStatsRoutes(app: ApiApp, deps: RouteDeps, stats: CenterStats): void {
  app.openapi(realtimeRoute, function realtimeStats(c) {
    return c.json(stats.snapshot(deps.now()) as unknown as Record<string, unknown>, 200);
  });

  app.openapi(intervalsRoute, function intervalReport(c) {
    const report = stats.report(wholeIntervals(c.req.valid('query'), stats, deps.now()));
    return c.json(report as unknown as Record<string, unknown>, 200);
  });

  app.openapi(intervalsCsvRoute, function intervalReportCsv(c) {
    const report = stats.report(wholeIntervals(c.req.valid('query'), stats, deps.now()));
    const csv = intervalRowsToCsv(report.rows, { intervalMinutes: stats.intervalMinutes });
    return c.body(csv, 200, csvHeaders('intervals.csv'));
  });

  app.openapi(recordsRoute, function contactRecords(c) {
    return c.json(deps.store.listContacts(c.req.valid('query')), 200);
  });

  app.openapi(recordsCsvRoute, function contactRecordsCsv(c) {
    const p = authorize(c.get('principal'), 'center.read');
    const records = deps.store.listContacts(c.req.valid('query'));

    const names = new Map<string, string | null>();
    const customerName = (id: string) => {
      if (!names.has(id)) names.set(id, deps.store.getCustomer(id)?.name ?? null);
      return names.get(id) ?? null;
    };
    const csv = contactRecordsToCsv(records, { customerName });

    deps.audit(p, 'records.export', 'contact-records', { rows: records.length });
    return c.body(csv, 200, csvHeaders('contact-records.csv'));
  });
}

/**
 * The query's range widened to whole intervals, so any range is an exact
 * roll-up of rows; capped at `maxRangeMs`.
 */
function wholeIntervals(
  q: z.infer<typeof RangeQuery>,
  stats: CenterStats,
  now: number,
): { from: number; to: number; queueId?: string; agentId?: string } {
  const step = stats.intervalMinutes * 60_000;
  // Default: the day holding `to`, or today; a lone `from` gets one day.
  const start = q.from ?? (q.to !== undefined ? q.to - dayMs : Math.floor(now / dayMs) * dayMs);
  const from = Math.floor(Math.max(0, start) / step) * step;
  const to = Math.ceil(Math.max(q.to ?? from + dayMs, from + step) / step) * step;
  return {
    from,
    to,
    ...(q.queueId ? { queueId: q.queueId } : {}),
    ...(q.agentId ? { agentId: q.agentId } : {}),
  };
}

function csvHeaders(filename: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
  };
}
