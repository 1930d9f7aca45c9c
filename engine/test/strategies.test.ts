import { describe, expect, it } from 'vitest';
import type { CenterConfigInput } from '../config.js';
import type { StrategyName } from '../routing/strategies/index.js';
import { harness } from './harness.js';

/** Three agents of different proficiency, logged in a3, a1, a2 over 3 s. */
function center(strategy: StrategyName) {
  const config: CenterConfigInput = {
    skills: ['general'],
    queues: [{ id: 'q', skills: [{ skill: 'general' }], strategy, wrapUpSec: 0 }],
    agents: [
      { id: 'a1', name: 'One', skills: { general: 2 } },
      { id: 'a2', name: 'Two', skills: { general: 5 } },
      { id: 'a3', name: 'Three', skills: { general: 3 } },
    ],
  };
  const h = harness(config);
  h.ready('a3');
  h.advance(1_000);
  h.ready('a1');
  h.advance(1_000);
  h.ready('a2');
  h.advance(1_000);
  return h;
}

/** Routes `n` contacts one after the other, each handled for 1 s. */
function routeSeries(h: ReturnType<typeof center>, n: number): string[] {
  const agents: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const outcome = h.center.createContact({ channel: 'voice', queueId: 'q', id: `c${i}` });
    if (outcome.kind !== 'offered') throw new Error('expected an offer');
    agents.push(outcome.agentId);
    h.center.accept(outcome.agentId, outcome.contactId);
    h.advance(1_000);
    h.center.end(outcome.agentId, outcome.contactId);
  }
  return agents;
}

describe('agent-selection strategies', () => {
  it('longest-idle picks the agent free the longest', () => {
    expect(routeSeries(center('longest-idle'), 4)).toEqual(['a3', 'a1', 'a2', 'a3']);
  });

  it('highest-proficiency picks the most skilled, then the longest idle', () => {
    expect(routeSeries(center('highest-proficiency'), 3)).toEqual(['a2', 'a2', 'a2']);
  });

  it('top-down always hunts from the first agent in the list', () => {
    expect(routeSeries(center('top-down'), 3)).toEqual(['a1', 'a1', 'a1']);
  });

  it('round-robin rotates through the agents', () => {
    expect(routeSeries(center('round-robin'), 4)).toEqual(['a1', 'a2', 'a3', 'a1']);
  });

  it('least-occupied picks the agent who handled the fewest contacts', () => {
    expect(routeSeries(center('least-occupied'), 4)).toEqual(['a3', 'a1', 'a2', 'a3']);
  });

  it('random picks the same agents for the same seed', () => {
    const first = routeSeries(center('random'), 12);
    const second = routeSeries(center('random'), 12);

    expect(first).toEqual(second);
    expect(new Set(first).size).toBe(3);
  });
});
