/**
 * A binary min-heap of items with string ids. Each item's position is
 * indexed, so removing or re-keying any item costs O(log n), and items can
 * be visited in order lazily without sorting the whole heap.
 */
export class IndexedHeap<T> {
  private readonly items: T[] = [];
  private readonly ids: string[] = [];
  private readonly position = new Map<string, number>();

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  has(id: string): boolean {
    return this.position.has(id);
  }

  get(id: string): T | undefined {
    const i = this.position.get(id);
    return i === undefined ? undefined : this.items[i];
  }

  peek(): T | undefined {
    return this.items[0];
  }

  /** Inserts, or replaces and re-positions an item already present. */
  set(id: string, item: T): void {
    const at = this.position.get(id);
    if (at !== undefined) {
      this.items[at] = item;
      this.restore(at);
      return;
    }
    this.items.push(item);
    this.ids.push(id);
    this.position.set(id, this.items.length - 1);
    this.up(this.items.length - 1);
  }

  delete(id: string): boolean {
    const at = this.position.get(id);
    if (at === undefined) return false;
    const last = this.items.length - 1;
    this.swap(at, last);
    this.items.pop();
    this.ids.pop();
    this.position.delete(id);
    if (at < last) this.restore(at);
    return true;
  }

  /**
   * Visits items best first, stopping when `visit` returns true; returns
   * that item. Costs O(k log k) for the k items visited, which keeps a
   * search that skips a few unsuitable heads cheap.
   */
  find(visit: (item: T) => boolean): T | undefined {
    if (this.items.length === 0) return undefined;
    const frontier = [0];
    while (frontier.length > 0) {
      const i = this.popFrontier(frontier);
      const item = this.items[i]!;
      if (visit(item)) return item;
      for (const c of [2 * i + 1, 2 * i + 2]) {
        if (c < this.items.length) this.pushFrontier(frontier, c);
      }
    }
    return undefined;
  }

  /** All items in order. O(n log n): for listings, never for routing. */
  sorted(): T[] {
    return [...this.items].sort((a, b) => (this.before(a, b) ? -1 : this.before(b, a) ? 1 : 0));
  }

  /** How many items come before the given one. O(n): for display only. */
  rank(id: string): number {
    const item = this.get(id);
    if (item === undefined) return -1;
    let n = 0;
    for (const other of this.items) if (this.before(other, item)) n += 1;
    return n;
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  private restore(i: number): void {
    if (!this.up(i)) this.down(i);
  }

  private up(i: number): boolean {
    let moved = false;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(this.items[i]!, this.items[parent]!)) break;
      this.swap(i, parent);
      i = parent;
      moved = true;
    }
    return moved;
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < n && this.before(this.items[l]!, this.items[best]!)) best = l;
      if (r < n && this.before(this.items[r]!, this.items[best]!)) best = r;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private swap(a: number, b: number): void {
    if (a === b) return;
    const items = this.items;
    const ids = this.ids;
    [items[a], items[b]] = [items[b]!, items[a]!];
    [ids[a], ids[b]] = [ids[b]!, ids[a]!];
    this.position.set(ids[a]!, a);
    this.position.set(ids[b]!, b);
  }

  // The frontier is a small heap of positions, ordered by their items.
  private pushFrontier(f: number[], i: number): void {
    f.push(i);
    let k = f.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!this.before(this.items[f[k]!]!, this.items[f[p]!]!)) break;
      [f[k], f[p]] = [f[p]!, f[k]!];
      k = p;
    }
  }

  private popFrontier(f: number[]): number {
    const top = f[0]!;
    const last = f.pop()!;
    if (f.length > 0) {
      f[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let best = k;
        if (l < f.length && this.before(this.items[f[l]!]!, this.items[f[best]!]!)) best = l;
        if (r < f.length && this.before(this.items[f[r]!]!, this.items[f[best]!]!)) best = r;
        if (best === k) break;
        [f[k], f[best]] = [f[best]!, f[k]!];
        k = best;
      }
    }
    return top;
  }
}
