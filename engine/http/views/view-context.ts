/** What the read models of the API are built from. */
import type { ContactCenter } from '../../center.js';
import type { Store } from '../../store/store.js';
import type { WaitEstimator } from '../wait-estimator.js';

export interface ViewContext {
  center: ContactCenter;
  store: Store;
  waits: WaitEstimator;
  now: () => number;
}
