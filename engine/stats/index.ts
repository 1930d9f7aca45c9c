/**
 * Contact-center statistics, computed from domain events and closed contact
 * records only: the counters and their metrics, historical interval rows,
 * the live wallboard view and the CSV exports.
 */
export { defaultThresholds, resolveThresholds, StatsThresholds } from './statsThresholds.js';
export {
  addCounters,
  AgentStateMs,
  emptyCounters,
  IntervalStats,
  loggedInStates,
  type LoggedInState,
} from './intervalStats.js';
export { queueExit, type QueueExit, type QueueExitKind } from './queueExit.js';
export { contactTimes, type ContactTimes } from './contactTimes.js';
export { contactCounters } from './contactCounters.js';
export {
  serviceLevel,
  serviceLevelFormulas,
  serviceLevelName,
  type ServiceLevel,
  type ServiceLevelFormula,
  type ServiceLevelOptions,
} from './serviceLevel.js';
export { metricsFrom, type Metrics, type MetricsOptions } from './metricsFrom.js';
export { intervalMinuteChoices, intervalStartOf, type IntervalMinutes } from './intervals.js';
export { IntervalRow, type RowScope } from './intervalRow.js';
export {
  IntervalAggregator,
  type IntervalAggregatorOptions,
  type ReportQuery,
} from './intervalAggregator.js';
export {
  RealtimeStats,
  type QueueNow,
  type RealtimeSnapshot,
  type RealtimeStatsOptions,
} from './realtimeStats.js';
export { csvCell, toCsv, type CsvOptions, type CsvValue } from './csv.js';
export {
  contactCsvColumns,
  contactRecordsToCsv,
  type ContactCsvOptions,
} from './contactRecordsToCsv.js';
export {
  intervalCsvColumns,
  intervalRowsToCsv,
  type IntervalCsvOptions,
} from './intervalRowsToCsv.js';
