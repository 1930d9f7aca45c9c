/**
 * Forced garbage collection where the process allows it. Parts run with
 * `--expose-gc`, so a timing starts on a clean heap and a heap reading
 * counts only what is still reachable; elsewhere this does nothing.
 */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  // Twice: the first pass may leave objects that only the second finds dead.
  gc();
  gc();
}

export function canCollectGarbage(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function';
}
