/**
 * The simulator's public surface: what the web pages, benchmarks and
 * tests may use. Scenarios and trace replays run the production engine
 * (through engine/index.ts) on a virtual clock; everything here is seeded.
 */
export { Calendar, type CalendarHandle } from './calendar.js';
export { VirtualClock } from './virtual-clock.js';
export { Random, type RandomSource } from './random.js';
export { Distribution, sample, meanOf } from './distributions.js';
export { erlangA, erlangB, erlangC, erlangCMetrics, type ErlangAMetrics, type ErlangCMetrics } from './erlang.js';
export { minAgentsForServiceLevel, squareRootStaffing } from './staffing.js';
export { meanConfidence, tQuantile, type MeanEstimate } from './confidence.js';
export { PiecewisePoisson } from './traffic.js';

export {
  AgentGroup,
  centerConfigOf,
  loadScenarioFile,
  parseScenario,
  QueueTraffic,
  Scenario,
  ScenarioError,
  type ScenarioInput,
} from './scenario.js';
export { runScenario, seedOf, type RunOptions } from './run-scenario.js';
export { Simulation, type RejectedCommand, type SimContact, type SimulationOptions } from './simulation.js';
export { queuesOf, resultToJson, rowsOf, totalOf, type SimulationResult } from './simulation-result.js';
export { summaryTable, type SummaryOptions } from './summary-table.js';

export { parseTrace, readTraceFile, serializeTrace, TraceError, type Trace, type TraceEvent } from './trace.js';
export { loadReplayConfigFile, parseReplayConfig, ReplayConfig, type ReplayConfigInput } from './replay-config.js';
export { PriorityClass, PriorityClasses, priorityRouting } from './priority-classes.js';
export { replayTrace } from './replay.js';

export { readTechnionCsv, recordedHourlyStats, selectDay, technionToTrace, type TechnionCall } from './technion.js';
export {
  replayTechnionDay,
  technionReplayConfig,
  technionReplayDefaults,
  TechnionReplayConfig,
  type HourFigures,
  type TechnionComparison,
} from './technion-replay.js';
export { comparisonTable, dailyGap } from './comparison-table.js';
export { PatienceCurve } from './censored-patience.js';
export { servicePresence } from './service-presence.js';

export { planStaffing, type IntervalPlan, type PlanOptions, type StaffingPlan } from './plan.js';
export { planTable } from './plan-table.js';
