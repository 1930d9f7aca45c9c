/** The most proficient agent in the queue's skills, then longest idle. */
import type { Strategy } from './types.js';

export const highestProficiency: Strategy = (a) => [-a.proficiency, a.idleSince, a.order];
