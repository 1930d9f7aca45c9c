/**
 * Recovery time: how fast a restarted or standby engine replays a journal.
 * The simulator runs an M/M/n scenario with its commands journaled, as a
 * server journals them; then `openCenter` replays that journal into a new
 * engine, as on restart. The baseline is the simulation that wrote it, so
 * the ratio says how much faster recovery is than living the day again.
 */
import { MemoryJournal } from '../../engine/journal.js';
import { silentLogger } from '../../engine/logger.js';
import { openCenter } from '../../engine/recover.js';
import { MemoryStore } from '../../engine/store/memory-store.js';
import { centerConfigOf, runScenario, seedOf, type Scenario } from '../../sim/index.js';

export interface RecoveryTiming {
  entries: number;
  contacts: number;
  simulateMs: number;
  replayMs: number;
  /** Records the replayed engine saved: equal to `contacts` when the replay rebuilt every one. */
  replayedRecords: number;
}

export function timeRecovery(scenario: Scenario): RecoveryTiming {
  const journal = new MemoryJournal();
  const started = performance.now();
  const result = runScenario(scenario, { journal });
  const simulateMs = performance.now() - started;

  const entries = [...journal.entries()];
  const lastAt = entries.at(-1)?.at ?? 0;
  const store = new MemoryStore(() => lastAt);
  const replayStarted = performance.now();
  const opened = openCenter({
    config: centerConfigOf(scenario),
    seed: seedOf(scenario),
    journal,
    store,
    logger: silentLogger,
    // The wall clock stands at the last entry: nothing is overdue.
    wallNow: () => lastAt,
  });
  const replayMs = performance.now() - replayStarted;
  opened.clock.stop();
  opened.center.stop();
  return {
    entries: entries.length,
    contacts: result.contacts.length,
    simulateMs,
    replayMs,
    replayedRecords: store.listContacts({}).length,
  };
}
