/** Top-down (linear hunt): always the first free agent in list order. */
import type { Strategy } from './types.js';

export const topDown: Strategy = (a) => [a.order];
