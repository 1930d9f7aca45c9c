/** The store's latest flushed snapshot, for React; re-renders at each flush. */
import { useSyncExternalStore } from 'react';
import type { CenterSnapshot } from './CenterSnapshot';
import type { CenterStore } from './CenterStore';

export function useCenterSnapshot(store: CenterStore): CenterSnapshot {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
