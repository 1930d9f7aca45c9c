/**
 * Statistics for a running center: feeds the center's events to the live
 * view and to the interval history, and saves changed interval rows as
 * contacts close, so reports survive a restart. The same module serves
 * the simulator; this class only wires it to a center and a store.
 */
import type { ContactCenter } from './center.js';
import type { DomainEvent } from './events.js';
import {
  IntervalAggregator,
  metricsFrom,
  RealtimeStats,
  type IntervalMinutes,
  type IntervalRow,
  type Metrics,
  type MetricsOptions,
  type RealtimeSnapshot,
  type StatsThresholds,
} from './stats/index.js';

/** Where interval rows are kept between runs. */
export interface IntervalRowStore {
  loadIntervalRows(): unknown[];
  saveIntervalRows(rows: IntervalRow[]): void;
}

export interface CenterStatsOptions {
  intervalMinutes?: IntervalMinutes;
  thresholds?: Partial<StatsThresholds>;
  metrics?: MetricsOptions;
  rows?: IntervalRowStore;
}

export interface IntervalReport {
  intervalMinutes: number;
  rows: (IntervalRow & { metrics: Metrics })[];
  total: Metrics;
}

export class CenterStats {
  readonly realtime: RealtimeStats;
  readonly history: IntervalAggregator;
  private readonly unsubscribe: () => void;
  private readonly metricsOptions: MetricsOptions;

  constructor(
    private readonly center: ContactCenter,
    private readonly options: CenterStatsOptions = {},
  ) {
    this.metricsOptions = options.metrics ?? {};
    this.realtime = new RealtimeStats({
      thresholds: options.thresholds,
      metrics: this.metricsOptions,
      queuesOfAgent: (agentId) => center.agentStatus(agentId).queues,
    });
    this.history = new IntervalAggregator({
      intervalMinutes: options.intervalMinutes,
      thresholds: options.thresholds,
      rows: options.rows?.loadIntervalRows(),
    });
    this.unsubscribe = center.subscribe((event) => this.consume(event));
  }

  /** Today's live figures, per queue and for the center. */
  snapshot(): RealtimeSnapshot {
    return this.realtime.snapshot(this.center.clock.now());
  }

  /**
   * Interval rows of [from, to) for the center, a queue or an agent, each
   * with its metrics, and the exact roll-up of the range.
   */
  report(query: { from: number; to: number; queueId?: string; agentId?: string }): IntervalReport {
    this.history.settle(this.center.clock.now());
    const rows = this.history.reportRows(query);
    return {
      intervalMinutes: this.history.intervalMs / 60_000,
      rows: rows.map((row) => ({
        ...row,
        metrics: metricsFrom(row.counters, this.metricsOptions),
      })),
      total: metricsFrom(this.history.report(query), this.metricsOptions),
    };
  }

  /** Saves what changed; call on shutdown. */
  flush(): void {
    this.history.settle(this.center.clock.now());
    const changed = this.history.takeChangedRows();
    if (changed.length > 0) this.options.rows?.saveIntervalRows(changed);
  }

  stop(): void {
    this.flush();
    this.unsubscribe();
  }

  private consume(event: DomainEvent): void {
    this.realtime.consume(event);
    this.history.consume(event);
    if (event.type === 'contact.closed') this.flushRows();
  }

  private flushRows(): void {
    const changed = this.history.takeChangedRows();
    if (changed.length > 0) this.options.rows?.saveIntervalRows(changed);
  }
}
