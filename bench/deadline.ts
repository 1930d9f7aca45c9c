/**
 * A part's own time budget: before starting a size it asks whether the
 * time left allows it, so it stops between sizes and says so, instead of
 * being killed in the middle of one.
 */
export class Deadline {
  private readonly endsAt: number;

  constructor(budgetMs: number) {
    this.endsAt = performance.now() + budgetMs;
  }

  remainingMs(): number {
    return this.endsAt - performance.now();
  }

  /** Whether a step expected to take `expectedMs` still fits. */
  allows(expectedMs: number): boolean {
    return expectedMs <= this.remainingMs();
  }
}
