import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agentStates, type AgentState, type EventOf } from '../events.js';
import type { ContactRecord } from '../records.js';
import { contactCounters } from './contactCounters.js';
import { IntervalAggregator } from './intervalAggregator.js';
import { addCounters, emptyCounters, loggedInStates, type IntervalStats } from './intervalStats.js';
import type { IntervalMinutes } from './intervals.js';
import { metricsFrom } from './metricsFrom.js';
import {
  abandoned,
  agentStateEvent,
  answered,
  at,
  callback,
  closedEvent,
  contactRecord,
} from './testSupport.js';

const queues = ['sales', 'support'] as const;
const agents = ['ann', 'bob', 'cy'] as const;
const dayStart = at('06:00:00');
const dayEnd = at('16:00:00');

type Kind = 'answered' | 'abandoned' | 'callback' | 'none';
interface Generated {
  kind: Kind;
  waitMs: number;
  record: ContactRecord;
}

const generatedContact: fc.Arbitrary<Generated> = fc
  .record({
    kind: fc.constantFrom<Kind>('answered', 'abandoned', 'callback', 'none'),
    queuedAt: fc.integer({ min: dayStart, max: dayEnd - 1 }),
    // Clustered around T and the short limit, where the counts change.
    waitMs: fc.oneof(
      fc.integer({ min: 0, max: 600_000 }),
      fc.constantFrom(0, 4_999, 5_000, 5_001, 19_999, 20_000, 20_001),
    ),
    talkMs: fc.integer({ min: 0, max: 3_600_000 }),
    holdMs: fc.integer({ min: 0, max: 600_000 }),
    wrapUpMs: fc.integer({ min: 0, max: 300_000 }),
    queueId: fc.constantFrom(...queues),
    agentId: fc.constantFrom(...agents),
    overflowed: fc.boolean(),
  })
  .map((g) => {
    const base = { queuedAt: g.queuedAt, waitMs: g.waitMs, queueId: g.queueId };
    const record = {
      answered: () =>
        answered({
          ...base,
          talkMs: g.talkMs,
          holdMs: g.holdMs,
          wrapUpMs: g.wrapUpMs,
          agentId: g.agentId,
        }),
      abandoned: () => abandoned(base),
      callback: () => callback(base),
      none: () =>
        contactRecord({ queuedAt: g.queuedAt, firstQueueId: g.queueId, queueId: g.queueId }),
    }[g.kind]();
    const overflows = g.overflowed ? [{ from: g.queueId, to: 'overflow', at: g.queuedAt + 1 }] : [];
    return { kind: g.kind, waitMs: g.waitMs, record: { ...record, overflows } };
  });

/** One agent's chronological state events, from a start time and steps. */
const agentEvents = (agentId: string): fc.Arbitrary<EventOf<'agent.state'>[]> =>
  fc
    .record({
      start: fc.integer({ min: dayStart - 3_600_000, max: dayEnd }),
      steps: fc.array(
        fc.tuple(
          fc.constantFrom<AgentState>(...agentStates),
          fc.integer({ min: 0, max: 2 * 3_600_000 }),
        ),
        { maxLength: 12 },
      ),
    })
    .map(({ start, steps }) => {
      let time = start;
      let previous: AgentState = 'loggedOut';
      return steps.map(([state, ms]) => {
        const event = agentStateEvent(agentId, state, time, previous);
        time += ms;
        previous = state;
        return event;
      });
    });

const scenario = fc.record({
  intervalMinutes: fc.constantFrom<IntervalMinutes>(15, 30, 60),
  contacts: fc.array(generatedContact, { maxLength: 60 }),
  agentStreams: fc.tuple(...agents.map(agentEvents)),
  bounds: fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 })),
  scope: fc.constantFrom<{ queueId?: string; agentId?: string }>(
    {},
    { queueId: 'sales' },
    { queueId: 'support' },
    { agentId: 'ann' },
    { agentId: 'bob' },
  ),
});

/** Agent state time inside [from, to), clipped straight from the raw events. */
function stateTimeDirect(
  streams: readonly EventOf<'agent.state'>[][],
  from: number,
  to: number,
  agentId: string | undefined,
): IntervalStats['agentStateMs'] {
  const totals = emptyCounters().agentStateMs;
  for (const events of streams) {
    events.forEach((event, i) => {
      const next = events[i + 1];
      if (!next || event.state === 'loggedOut') return;
      if (agentId !== undefined && event.agentId !== agentId) return;
      const overlap = Math.min(to, next.at) - Math.max(from, event.at);
      if (overlap > 0) totals[event.state] += overlap;
    });
  }
  return totals;
}

describe('rolling intervals up', () => {
  it('gives, for any range of intervals, the statistics recomputed from the raw records', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const intervalMs = s.intervalMinutes * 60_000;
        const first = dayStart - 2 * 3_600_000;
        const from = first + Math.min(...s.bounds) * intervalMs;
        const to = first + Math.max(...s.bounds) * intervalMs;
        const stats = new IntervalAggregator({ intervalMinutes: s.intervalMinutes });
        for (const events of s.agentStreams) events.forEach((e) => stats.consume(e));
        for (const c of s.contacts) stats.consume(closedEvent(c.record));

        const report = stats.report({ from, to, ...s.scope });

        const inRange = s.contacts.filter(
          (c) =>
            c.record.queuedAt >= from &&
            c.record.queuedAt < to &&
            (s.scope.queueId === undefined || c.record.firstQueueId === s.scope.queueId) &&
            (s.scope.agentId === undefined || c.record.agentId === s.scope.agentId),
        );
        const direct = inRange
          .map((c) => contactCounters(c.record))
          .reduce(addCounters, emptyCounters());
        direct.agentStateMs =
          s.scope.queueId === undefined
            ? stateTimeDirect(s.agentStreams, from, to, s.scope.agentId)
            : emptyCounters().agentStateMs;
        expect(report).toEqual(direct);

        // And, independently of the counters, a few figures by hand.
        const answeredWaits = inRange.filter((c) => c.kind === 'answered').map((c) => c.waitMs);
        const abandons = inRange.filter((c) => c.kind === 'abandoned');
        const withinT = answeredWaits.filter((w) => w <= 20_000).length;
        const metrics = metricsFrom(report);
        expect(metrics.offered).toBe(inRange.length);
        expect(metrics.serviceLevel.numerator).toBe(withinT);
        expect(metrics.serviceLevel.denominator).toBe(answeredWaits.length + abandons.length);
        const waitSum = answeredWaits.reduce((a, b) => a + b, 0);
        expect(metrics.asaMs).toBe(
          answeredWaits.length === 0 ? null : waitSum / answeredWaits.length,
        );
        const loggedIn = loggedInStates.reduce((sum, st) => sum + report.agentStateMs[st], 0);
        expect(metrics.loggedInMs).toBe(loggedIn);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same totals whether a range is asked for at once or in two parts', () => {
    fc.assert(
      fc.property(scenario, fc.nat({ max: 40 }), (s, cut) => {
        const intervalMs = s.intervalMinutes * 60_000;
        const first = dayStart - 2 * 3_600_000;
        const [a, b] = [Math.min(...s.bounds), Math.max(...s.bounds)];
        const middle = first + Math.min(b, Math.max(a, cut)) * intervalMs;
        const from = first + a * intervalMs;
        const to = first + b * intervalMs;
        const stats = new IntervalAggregator({ intervalMinutes: s.intervalMinutes });
        for (const events of s.agentStreams) events.forEach((e) => stats.consume(e));
        for (const c of s.contacts) stats.consume(closedEvent(c.record));

        const whole = stats.report({ from, to, ...s.scope });
        const parts = addCounters(
          stats.report({ from, to: middle, ...s.scope }),
          stats.report({ from: middle, to, ...s.scope }),
        );

        expect(parts).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });
});
