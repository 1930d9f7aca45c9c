/**
 * The last N domain events (with whatever the caller keeps beside each),
 * so a client that reconnects with `since=<seq>` can be sent what it
 * missed. Sequence numbers rise but skip values (the engine numbers other
 * things from the same counter), so a gap is judged by what was evicted,
 * never by counting.
 */
export class EventRing<T extends { seq: number }> {
  private readonly slots: (T | undefined)[];
  private start = 0;
  private length = 0;
  /** The highest seq that was dropped to make room; 0 if none. */
  private evictedThrough = 0;
  /** The first seq this ring saw: what came before it (say, a journal replay) it never had. */
  private first: number | null = null;
  private latest = 0;

  constructor(readonly capacity = 2_000) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`An event ring needs a capacity of at least 1, not ${capacity}.`);
    }
    this.slots = new Array<T | undefined>(capacity);
  }

  /** The seq of the newest event seen; 0 before any. */
  get lastSeq(): number {
    return this.latest;
  }

  push(event: T): void {
    if (this.length === this.capacity) {
      this.evictedThrough = this.slots[this.start]!.seq;
      this.start = (this.start + 1) % this.capacity;
      this.length -= 1;
    }
    this.first ??= event.seq;
    this.slots[(this.start + this.length) % this.capacity] = event;
    this.length += 1;
    this.latest = event.seq;
  }

  /**
   * Every kept event after `seq`, oldest first; null when some may be
   * missing (dropped, or from before the ring's first event), or when `seq`
   * is one this ring never reached: either way the client needs a snapshot.
   */
  after(seq: number): T[] | null {
    if (seq < this.evictedThrough || seq > this.latest) return null;
    if (this.first !== null && seq < this.first - 1) return null;
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) {
      const event = this.slots[(this.start + i) % this.capacity]!;
      if (event.seq > seq) out.push(event);
    }
    return out;
  }
}
