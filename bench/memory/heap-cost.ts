/**
 * The heap bytes a structure holds: heap used after a forced collection,
 * before and after building it, with the structure kept reachable until
 * the second reading. Needs `--expose-gc`.
 */
import { collectGarbage } from '../gc.js';

export interface HeapCost<T> {
  bytes: number;
  /** What was built, still reachable for the caller's next step. */
  built: T;
}

export function heapCost<T>(build: () => T): HeapCost<T> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const built = build();
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  return { bytes: after - before, built };
}
