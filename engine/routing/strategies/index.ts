/** The agent-selection strategies a queue can name in its configuration. */
import { highestProficiency } from './highest-proficiency.js';
import { leastOccupied } from './least-occupied.js';
import { longestIdle } from './longest-idle.js';
import { random } from './random.js';
import { roundRobin } from './round-robin.js';
import { topDown } from './top-down.js';
import type { Strategy } from './types.js';

export type { AgentFacts, SortKey, Strategy } from './types.js';

export const strategies = {
  'longest-idle': longestIdle,
  'least-occupied': leastOccupied,
  'highest-proficiency': highestProficiency,
  'round-robin': roundRobin,
  'top-down': topDown,
  random,
} satisfies Record<string, Strategy>;

export type StrategyName = keyof typeof strategies;
export const strategyNames = Object.keys(strategies) as [StrategyName, ...StrategyName[]];

/** Lexicographic comparison of two sort keys. */
export function keyBefore(a: readonly number[], b: readonly number[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    if (a[i]! !== b[i]!) return a[i]! < b[i]!;
  }
  return a.length < b.length;
}
