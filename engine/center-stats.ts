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
  /**
   * Continue from the rows saved earlier (default). A center recovered by
   * replaying its whole journal passes false: the replay rebuilds them.
   */
  resume?: boolean;
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
      rows: options.resume === false ? [] : options.rows?.loadIntervalRows(),
    });
    // Agents that have not changed state yet still count on the wallboard.
    for (const agentId of center.agentIds()) {
      const { state, stateSince, reason } = center.agentStatus(agentId);
      this.realtime.consume({
        type: 'agent.state',
        seq: 0,
        at: stateSince,
        agentId,
        state,
        previous: state,
        reason,
      });
    }
    this.unsubscribe = center.subscribe((event) => this.consume(event));
  }

  get intervalMinutes(): IntervalMinutes {
    return (this.history.intervalMs / 60_000) as IntervalMinutes;
  }

  /** Today's live figures, per queue and for the center. */
  /**
   * The live view at `at`; default the engine's time, which stands at its
   * last step: a live server passes the wall's (LiveClock.outside()).
   */
  snapshot(at: number = this.center.clock.now()): RealtimeSnapshot {
    return this.realtime.snapshot(Math.max(at, this.center.clock.now()));
  }

  /**
   * Interval rows of [from, to) for the center, a queue or an agent, each
   * with its metrics, and the exact roll-up of the range.
   */
  report(query: { from: number; to: number; queueId?: string; agentId?: string }): IntervalReport {
    this.history.settle(this.center.clock.now());
    const rows = this.history.reportRows(query);
    return {
      intervalMinutes: this.intervalMinutes,
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
