import { describe, expect, it } from 'vitest';
import { CenterStats, type IntervalRowStore } from '../center-stats.js';
import type { IntervalRow } from '../stats/index.js';
import { harness, simpleConfig, T0 } from './harness.js';

function rowStore(): IntervalRowStore & { saved: Map<string, IntervalRow> } {
  const saved = new Map<string, IntervalRow>();
  return {
    saved,
    loadIntervalRows: () => [...saved.values()],
    saveIntervalRows: (rows) =>
      rows.forEach((r) => saved.set(JSON.stringify([r.intervalStart, r.queueId, r.agentId]), r)),
  };
}

describe('statistics of a running center', () => {
  it('shows the live queue and reports the interval from the same events', () => {
    const h = harness(simpleConfig(1, { wrapUpSec: 0 }));
    const rows = rowStore();
    const stats = new CenterStats(h.center, { rows });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c2' });
    h.advance(10_000);
    const live = stats.snapshot();
    h.ready('a1');
    h.center.accept('a1', 'c1');
    h.advance(20_000);
    h.center.abandon('c2');
    h.center.end('a1', 'c1');

    const report = stats.report({ from: T0, to: T0 + 15 * 60_000, queueId: 'q' });

    expect([live.queues.q!.waiting, live.queues.q!.longestWaitMs]).toEqual([2, 10_000]);
    expect([report.total.offered, report.total.answered, report.total.abandoned]).toEqual([
      2, 1, 1,
    ]);
    expect([report.total.asaMs, report.total.averageAbandonMs]).toEqual([10_000, 30_000]);
    expect(report.rows.map((r) => r.intervalStart)).toEqual([T0]);
    expect(rows.saved.size).toBeGreaterThan(0);
  });

  it('reports the same totals after a restart from the saved rows', () => {
    const h = harness(simpleConfig(1, { wrapUpSec: 0 }));
    const rows = rowStore();
    const stats = new CenterStats(h.center, { rows });
    h.ready('a1');
    h.center.createContact({ channel: 'voice', queueId: 'q', id: 'c1' });
    h.advance(5_000);
    h.center.accept('a1', 'c1');
    h.center.end('a1', 'c1');
    stats.stop();

    const again = new CenterStats(harness(simpleConfig(1)).center, { rows });
    const query = { from: T0, to: T0 + 15 * 60_000 };

    expect(again.report(query).total.answered).toBe(1);
    expect(again.report(query).total.asaMs).toBe(5_000);
  });
});
