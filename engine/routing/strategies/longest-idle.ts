/** Longest idle first: the agent who has waited longest for work. */
import type { Strategy } from './types.js';

export const longestIdle: Strategy = (a) => [a.idleSince, a.order];
