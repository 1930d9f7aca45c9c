/**
 * Least occupied first: the smallest share of capacity in use, then the
 * fewest contacts handled since login, then the longest idle.
 */
import type { Strategy } from './types.js';

export const leastOccupied: Strategy = (a) => [
  a.load / a.capacity,
  a.handled,
  a.idleSince,
  a.order,
];
