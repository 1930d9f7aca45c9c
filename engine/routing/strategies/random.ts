/**
 * Random: a uniform choice among the free agents. The draw comes from the
 * engine's seeded generator, so a run is repeatable for a given seed.
 */
import type { Strategy } from './types.js';

export const random: Strategy = (a) => [a.draw, a.order];
