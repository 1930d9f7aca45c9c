/**
 * The engine's public surface: what the HTTP layer, the simulator, the
 * benchmarks and tests may use. Everything else in engine/ is internal.
 */
export {
  ContactCenter,
  type AgentStatus,
  type CenterOptions,
  type ContactRequest,
  type CustomerProfile,
  type LiveContactView,
  type RouteOutcome,
} from './center.js';
export { wallClock, type Clock, type EngineClock } from './clock.js';
export {
  AgentConfig,
  CenterConfig,
  loadConfigFile,
  parseConfig,
  QueueConfig,
  type CenterConfigInput,
} from './config.js';
export { EngineError, errorCodes, type EngineErrorCode } from './errors.js';
export {
  AgentState,
  agentStates,
  DomainEvent,
  type DomainEventType,
  type EventOf,
} from './events.js';
export { type Listener } from './bus.js';
export { createLogger, silentLogger, type Logger } from './logger.js';
export {
  Channel,
  channels,
  ContactRecord,
  OfferRecord,
  span,
  newContactRecord,
  type NewContactRecord,
  type ContactOutcome,
  type OfferOutcome,
} from './records.js';
export { strategyNames, type StrategyName } from './routing/strategies/index.js';
export { MemoryStore } from './store/memory-store.js';
export { SqliteJournal } from './store/sqlite-journal.js';
export { Command, applyCommand } from './commands.js';
export { MemoryJournal, type Journal, type JournalEntry } from './journal.js';
export { LiveClock } from './live-clock.js';
export { openCenter, type OpenOptions, type OpenedCenter } from './recover.js';
export { CustomerInput, type ContactQuery, type Customer, type Store } from './store/store.js';
export * as stats from './stats/index.js';
export {
  CenterStats,
  type CenterStatsOptions,
  type IntervalReport,
  type IntervalRowStore,
} from './center-stats.js';
export { runServer, type RunOptions } from './http/run-server.js';
export { startServer, type RunningServer, type ServerOptions } from './http/start-server.js';
export { demoConfig, demoUsers } from './demo-config.js';
