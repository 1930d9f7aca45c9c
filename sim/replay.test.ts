/**
 * Trace replay through the engine, on scripted traces: simulated agents
 * answer after the answer delay, explicit accepts and declines are obeyed,
 * callers hang up when their patience runs out, supervisors' moves apply,
 * and priority classes buy a head start.
 */
import { describe, expect, it } from 'vitest';
import type { ContactRecord } from '../engine/index.js';
import { parseReplayConfig, type ReplayConfigInput } from './replay-config.js';
import { replayTrace } from './replay.js';
import { parseTrace } from './trace.js';

const start = '2026-01-05T09:00:00Z';
const t0 = Date.parse(start);

function replay(lines: object[], config: ReplayConfigInput = {}) {
  const header = { type: 'trace.header', start, queues: ['q', 'r'] };
  const trace = parseTrace([header, ...lines].map((l) => JSON.stringify(l)).join('\n'));
  return replayTrace(trace, parseReplayConfig(config));
}

function recordOf(contacts: ContactRecord[], id: string): ContactRecord {
  const record = contacts.find((c) => c.id === id);
  if (!record) throw new Error(`no record for ${id}`);
  return record;
}

const login = (t: number, agent: string, queues = ['q']) => [
  { type: 'agent.login', t, agent, queues },
  { type: 'agent.ready', t, agent },
];
const arrive = (t: number, id: string, extra: object = {}) => ({
  type: 'contact.arrive', t, id, queue: 'q', handleSeconds: 60, ...extra,
});

describe('replayTrace', () => {
  it('answers after the answer delay and ends after the handle time', () => {
    const lines = [...login(0, 'a1'), arrive(10, 'c1')];

    const result = replay(lines, { answerDelaySec: 3 });

    const c1 = recordOf(result.contacts, 'c1');
    expect(c1.answeredAt! - t0).toBe(13_000);
    expect(c1.endedAt! - c1.answeredAt!).toBe(60_000);
    expect(c1.agentId).toBe('a1');
    expect(result.rejected).toEqual([]);
  });

  it('builds missing queues without wrap-up and agents from their logins', () => {
    const lines = [...login(0, 'a1', ['q', 'r']), arrive(5, 'c1', { queue: 'r' })];

    const result = replay(lines);

    const c1 = recordOf(result.contacts, 'c1');
    expect(c1.queueId).toBe('r');
    expect(c1.wrapUpEndedAt).toBe(c1.endedAt);
  });

  it('waits for an explicit accept from an agent the trace accepts for', () => {
    const lines = [
      ...login(0, 'a1'),
      arrive(10, 'c1'),
      { type: 'agent.accept', t: 15, agent: 'a1', contact: 'c1' },
    ];

    const result = replay(lines);

    expect(recordOf(result.contacts, 'c1').answeredAt! - t0).toBe(15_000);
  });

  it('offers a declined contact to the next agent', () => {
    // Both agents accept somewhere in the trace, so neither answers by itself.
    const lines = [
      ...login(0, 'a1'),
      ...login(1, 'a2'),
      arrive(10, 'c1'),
      { type: 'agent.decline', t: 12, agent: 'a1', contact: 'c1' },
      { type: 'agent.accept', t: 14, agent: 'a2', contact: 'c1' },
      arrive(20, 'c2'),
      { type: 'agent.accept', t: 21, agent: 'a1', contact: 'c2' },
    ];

    const result = replay(lines);

    const c1 = recordOf(result.contacts, 'c1');
    expect(c1.offers.map((o) => `${o.agentId}:${o.outcome}`)).toEqual(['a1:declined', 'a2:accepted']);
    expect(c1.answeredAt! - t0).toBe(14_000);
    expect(recordOf(result.contacts, 'c2').agentId).toBe('a1');
  });

  it('hangs up a caller whose patience runs out, and keeps a refused command', () => {
    const lines = [
      arrive(10, 'c1', { patienceSeconds: 30 }),
      ...login(50, 'a1'),
      { type: 'agent.accept', t: 50, agent: 'a1', contact: 'c1' },
    ];

    const result = replay(lines);

    const c1 = recordOf(result.contacts, 'c1');
    expect(c1.outcome).toBe('abandoned');
    expect(c1.abandonedAt! - t0).toBe(40_000);
    expect(result.rejected).toEqual([
      expect.objectContaining({ command: 'agent.accept', code: 'contact_gone', at: t0 + 50_000 }),
    ]);
  });

  it('ends a connected call early when the caller hangs up', () => {
    const lines = [...login(0, 'a1'), arrive(10, 'c1'), { type: 'contact.hangup', t: 25, contact: 'c1' }];

    const result = replay(lines);

    expect(recordOf(result.contacts, 'c1').endedAt! - t0).toBe(25_000);
  });

  it('serves the contact a supervisor moves to the head of the queue first', () => {
    const lines = [
      arrive(10, 'c1'),
      arrive(20, 'c2'),
      { type: 'supervisor.move', t: 30, contact: 'c2', position: 1 },
      ...login(40, 'a1'),
    ];

    const result = replay(lines);

    expect(recordOf(result.contacts, 'c2').answeredAt! - t0).toBe(40_000);
    expect(recordOf(result.contacts, 'c1').answeredAt! - t0).toBe(100_000);
  });

  it('gives a priority class its head start and reports its real queue', () => {
    const lines = [
      arrive(10, 'plain', { priority: 1 }),
      arrive(60, 'valued', { priority: 2 }),
      ...login(100, 'a1'),
    ];
    const priorities = { '1': { priority: 0 }, '2': { priority: 0, headStartSec: 90 } };

    const result = replay(lines, { priorities });

    const valued = recordOf(result.contacts, 'valued');
    expect(valued.answeredAt! - t0).toBe(100_000);
    expect(valued.firstQueueId).toBe('q');
    expect(valued.priority).toBe(0);
    expect(result.rows.some((r) => r.queueId?.includes(':hs'))).toBe(false);
  });

  it('replays a callback flag on the engine callback channel', () => {
    const lines = [...login(0, 'a1'), arrive(10, 'c1', { callback: true })];

    const result = replay(lines);

    expect(recordOf(result.contacts, 'c1').channel).toBe('callback');
  });

  it('hangs up at the end whoever nobody was left to serve', () => {
    const lines = [...login(0, 'a1'), arrive(10, 'c1', { queue: 'r' })];

    const result = replay(lines);

    expect(result.leftAtEnd).toBe(1);
    expect(recordOf(result.contacts, 'c1').outcome).toBe('abandoned');
  });
});
