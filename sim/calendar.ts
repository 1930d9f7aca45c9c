/**
 * The simulator's event calendar: a priority queue of callbacks keyed by
 * time. Entries at the same time come out in the order they were
 * scheduled, so a run depends only on its inputs and seed.
 *
 * The heap is indexed (every entry knows its slot), so cancelling is a
 * real O(log n) removal rather than a tombstone left to rot in the heap:
 * a contact center re-arms thousands of timers at once.
 */

declare const handleBrand: unique symbol;

/** What `schedule` returns; pass it to `cancel`. Opaque otherwise. */
export interface CalendarHandle {
  readonly [handleBrand]: true;
  /** The time the entry was scheduled for. */
  readonly at: number;
}

/** An entry taken off the calendar by `next()`. */
export interface CalendarEntry {
  readonly at: number;
  readonly fn: () => void;
}

/** Slot value of an entry that has run or been cancelled. */
const DETACHED = -1;

class Entry {
  declare readonly [handleBrand]: true;

  constructor(
    readonly at: number,
    readonly seq: number,
    public fn: () => void,
    public index: number,
  ) {}
}

/** Tells whether `value` is a handle made by some calendar. */
export function isCalendarHandle(
  value: unknown,
): value is CalendarHandle {
  return value instanceof Entry;
}

function comesBefore(a: Entry, b: Entry): boolean {
  // Ties broken by sequence number so runs are deterministic.
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

export class Calendar {
  private readonly heap: Entry[] = [];
  private nextSeq = 0;

  /** Number of entries still waiting to run. */
  get size(): number {
    return this.heap.length;
  }

  /** Schedules `fn` at time `at`; later calls at the same time run later. */
  schedule(at: number, fn: () => void): CalendarHandle {
    if (!Number.isFinite(at)) {
      throw new RangeError(
        `Cannot schedule an entry at ${at}: the time must be a finite number.`,
      );
    }

    const entry = new Entry(at, this.nextSeq++, fn, this.heap.length);
    this.heap.push(entry);
    this.siftUp(entry.index);
    return entry;
  }

  /**
   * Removes a pending entry. Returns false, and does nothing, when the
   * entry has already run, was cancelled, or belongs to another calendar.
   */
  cancel(handle: CalendarHandle): boolean {
    if (!(handle instanceof Entry) || this.heap[handle.index] !== handle) {
      return false;
    }

    this.removeAt(handle.index);
    return true;
  }

  /** The time of the earliest entry, or undefined when empty. */
  peekTime(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Takes the earliest entry off the calendar without running it. */
  next(): CalendarEntry | undefined {
    const first = this.heap[0];
    if (first === undefined) return undefined;

    const { at, fn } = first; // removal clears the entry's callback
    this.removeAt(0);
    return { at, fn };
  }

  /** Takes the earliest entry off and runs it; false when empty. */
  runNext(): boolean {
    const entry = this.next();
    if (entry === undefined) return false;

    entry.fn();
    return true;
  }

  private removeAt(index: number): void {
    const removed = this.entryAt(index);
    const last = this.heap.pop() as Entry; // non-empty: removed is in it

    removed.index = DETACHED;
    // Let the callback's closure be collected even if a handle lingers.
    removed.fn = noop;
    if (last === removed) return;

    this.place(last, index);
    if (index > 0 && comesBefore(last, this.entryAt(parentOf(index)))) {
      this.siftUp(index);
    } else {
      this.siftDown(index);
    }
  }

  private siftUp(index: number): void {
    const entry = this.entryAt(index);
    let at = index;
    while (at > 0) {
      const parent = this.entryAt(parentOf(at));
      if (!comesBefore(entry, parent)) break;
      this.place(parent, at);
      at = parentOf(at);
    }
    this.place(entry, at);
  }

  private siftDown(index: number): void {
    const entry = this.entryAt(index);
    const count = this.heap.length;
    let at = index;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= count) break;

      const right = left + 1;
      let child = left;
      if (
        right < count &&
        comesBefore(this.entryAt(right), this.entryAt(left))
      ) {
        child = right;
      }

      const smaller = this.entryAt(child);
      if (!comesBefore(smaller, entry)) break;
      this.place(smaller, at);
      at = child;
    }
    this.place(entry, at);
  }

  private place(entry: Entry, index: number): void {
    this.heap[index] = entry;
    entry.index = index;
  }

  private entryAt(index: number): Entry {
    // Callers only pass slots below heap.length.
    return this.heap[index] as Entry;
  }
}

function parentOf(index: number): number {
  return (index - 1) >> 1;
}

function noop(): void {}
