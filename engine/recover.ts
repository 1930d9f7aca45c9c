/**
 * Opening a center that survives crashes: its commands are journaled, and
 * on start the journal is replayed on a clock that begins at the first
 * entry, command by command at their recorded times, so every contact,
 * queue order, agent state and timer comes back exactly. Then the clock
 * goes live: deadlines that passed while the process was down fire at
 * once, in deadline order, exactly once.
 */
import { ContactCenter, type CenterOptions } from './center.js';
import { applyCommand } from './commands.js';
import { EngineError } from './errors.js';
import type { Journal } from './journal.js';
import { LiveClock } from './live-clock.js';
import { silentLogger } from './logger.js';

export interface OpenOptions extends Omit<CenterOptions, 'clock' | 'journal'> {
  journal: Journal;
  /** The wall clock; tests pass their own. */
  wallNow?: () => number;
  /**
   * Called before the replay, to subscribe what must see the replayed
   * events (live statistics); what must not (sockets) subscribes after.
   */
  beforeReplay?: (center: ContactCenter) => void;
}

export interface OpenedCenter {
  center: ContactCenter;
  clock: LiveClock;
  /** How many journal entries were replayed. */
  replayed: number;
}

export function openCenter(options: OpenOptions): OpenedCenter {
  const wallNow = options.wallNow ?? (() => Date.now());
  const logger = options.logger ?? silentLogger;
  const entries = [...options.journal.entries()];
  const clock = new LiveClock(entries[0]?.at ?? wallNow(), wallNow);
  const center = new ContactCenter({ ...options, clock });
  options.beforeReplay?.(center);

  center.replaying = true;
  try {
    for (const entry of entries) {
      clock.replayUntil(entry.at);
      try {
        applyCommand(center, entry.command);
      } catch (err) {
        // Journaled commands succeeded once; a refusal now means the
        // journal and the code disagree, which must not stop a recovery.
        if (!(err instanceof EngineError)) throw err;
        logger.warn({ n: entry.n, code: err.code }, 'journal entry refused on replay');
      }
    }
  } finally {
    center.replaying = false;
  }
  // Journal what happens from here on, then let time catch up.
  center.attachJournal(options.journal);
  clock.goLive();
  if (entries.length > 0)
    logger.info({ replayed: entries.length }, 'center recovered from its journal');
  return { center, clock, replayed: entries.length };
}
