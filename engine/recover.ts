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
import type { Journal, JournalEntry } from './journal.js';
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
  const replay = replayCenter({ ...options, firstAt: firstEntryAt(options.journal) });
  replay.apply(options.journal.entries());
  return replay.goLive(options.journal);
}

/** A center being rebuilt from journal entries, not yet live (a standby follows one). */
export interface ReplayingCenter {
  center: ContactCenter;
  clock: LiveClock;
  /** Entries applied so far. */
  readonly replayed: number;
  /** Applies entries at their recorded times, in order. */
  apply(entries: Iterable<JournalEntry>): void;
  /** Journals from here on, and lets time catch up with the wall: overdue timers fire now. */
  goLive(journal: Journal): OpenedCenter;
}

export function replayCenter(
  options: Omit<OpenOptions, 'journal'> & {
    /** The clock's first instant: the first entry's time, or the wall's now for a new center. */
    firstAt: number | null;
  },
): ReplayingCenter {
  const wallNow = options.wallNow ?? (() => Date.now());
  const logger = options.logger ?? silentLogger;
  const clock = new LiveClock(options.firstAt ?? wallNow(), wallNow);
  const center = new ContactCenter({ ...options, clock });
  options.beforeReplay?.(center);
  let replayed = 0;
  return {
    center,
    clock,
    get replayed() {
      return replayed;
    },
    apply(entries) {
      center.replaying = true;
      try {
        for (const entry of entries) {
          clock.replayUntil(entry.at);
          replayed += 1;
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
    },
    goLive(journal) {
      // Journal what happens from here on, then let time catch up.
      center.attachJournal(journal);
      clock.goLive();
      if (replayed > 0) logger.info({ replayed }, 'center recovered from its journal');
      return { center, clock, replayed };
    },
  };
}

function firstEntryAt(journal: Journal): number | null {
  for (const entry of journal.entries()) return entry.at;
  return null;
}
