/**
 * The command journal: what the center did, in order, with the time of
 * each command. Replaying it on a clock that starts at the first entry
 * rebuilds every actor, queue order and timer exactly.
 */
import type { Command } from './commands.js';

export interface JournalEntry {
  /** 1, 2, 3... in the order the commands were applied. */
  n: number;
  at: number;
  command: Command;
}

export interface Journal {
  append(at: number, command: Command): void;
  /** Every entry, in order. */
  entries(): Iterable<JournalEntry>;
}

export class MemoryJournal implements Journal {
  private readonly list: JournalEntry[] = [];

  append(at: number, command: Command): void {
    this.list.push({ n: this.list.length + 1, at, command });
  }

  entries(): Iterable<JournalEntry> {
    return this.list;
  }
}
