/** Round robin: the agent whose last offer is oldest goes next. */
import type { Strategy } from './types.js';

export const roundRobin: Strategy = (a) => [a.lastOfferSeq, a.order];
