/**
 * Random event sequences against the engine, with the invariants checked
 * after every step: capacity, single offer, never stall, no negative
 * durations, and closed contacts gone from every queue; and every event
 * published matches its schema, in sequence order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CenterConfigInput } from '../config.js';
import { EngineError } from '../errors.js';
import { DomainEvent } from '../events.js';
import type { ContactRecord } from '../records.js';
import { harness } from './harness.js';

const config: CenterConfigInput = {
  skills: ['sales', 'support', 'fr'],
  queues: [
    {
      id: 'sales',
      skills: [{ skill: 'sales' }],
      ringTimeoutSec: 10,
      wrapUpSec: 5,
      declineWindowSec: 8,
      maxWaitSec: 40,
      overflowTo: 'support',
    },
    {
      id: 'support',
      skills: [{ skill: 'support', minProficiency: 2 }],
      ringTimeoutSec: 15,
      wrapUpSec: 0,
      declineWindowSec: 0,
      priority: 1,
    },
  ],
  agents: [
    { id: 'a1', name: 'A1', skills: { sales: 3 } },
    { id: 'a2', name: 'A2', skills: { sales: 2, support: 4, fr: 3 } },
    { id: 'a3', name: 'A3', skills: { support: 2 }, capacity: 3 },
    { id: 'a4', name: 'A4', skills: { sales: 5, support: 1, fr: 5 }, capacity: 2 },
  ],
  maxMissedOffers: 3,
};
const agentIds = ['a1', 'a2', 'a3', 'a4'];

const op = fc.oneof(
  fc.record({
    kind: fc.constant('arrive' as const),
    queue: fc.constantFrom('sales', 'support'),
    chat: fc.boolean(),
    fr: fc.boolean(),
    priority: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    kind: fc.constantFrom(
      'hangup' as const,
      'callback' as const,
      'position' as const,
      'priority' as const,
      'move' as const,
    ),
    pick: fc.nat(),
    n: fc.nat(4),
  }),
  fc.record({
    kind: fc.constantFrom(
      'login' as const,
      'ready' as const,
      'notReady' as const,
      'logout' as const,
      'accept' as const,
      'decline' as const,
      'end' as const,
      'wrap' as const,
      'hold' as const,
    ),
    agent: fc.constantFrom(...agentIds),
  }),
  fc.record({
    kind: fc.constantFrom('assign' as const, 'transfer' as const),
    pick: fc.nat(),
    agent: fc.constantFrom(...agentIds),
  }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function run(ops: Op[]) {
  const h = harness(config);
  const closed = new Map<string, ContactRecord>();
  let lastSeq = 0;
  h.center.subscribe((e) => {
    expect(DomainEvent.safeParse(e).success, `${e.type} matches its schema`).toBe(true);
    expect(e.seq).toBeGreaterThan(lastSeq);
    lastSeq = e.seq;
    if (e.type === 'contact.closed') closed.set(e.contactId, e.record);
  });
  let n = 0;
  const live = () => [...h.center.liveContacts()];
  const pick = <T>(list: T[], i: number) => list[i % Math.max(1, list.length)];

  for (const o of ops) {
    try {
      apply(o);
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
    }
    check();
  }
  return h;

  function apply(o: Op): void {
    const c = h.center;
    switch (o.kind) {
      case 'arrive':
        n += 1;
        c.createContact({
          channel: o.chat ? 'chat' : 'voice',
          queueId: o.queue,
          language: o.fr ? 'fr' : undefined,
          priority: o.priority,
          id: `c${n}`,
        });
        return;
      case 'advance':
        h.advance(o.ms);
        return;
      case 'login':
        return c.login(o.agent);
      case 'ready':
        return c.ready(o.agent);
      case 'notReady':
        return c.notReady(o.agent, 'break');
      case 'logout':
        return c.logout(o.agent);
      case 'accept':
      case 'decline': {
        const offer = c.agentStatus(o.agent).offers[0];
        if (offer) (o.kind === 'accept' ? c.accept : c.decline).call(c, o.agent, offer);
        return;
      }
      case 'end':
      case 'hold': {
        const active = c.agentStatus(o.agent).active[0];
        if (active && o.kind === 'end') c.end(o.agent, active);
        if (active && o.kind === 'hold') c.hold(o.agent, active, true);
        return;
      }
      case 'wrap': {
        const wrapping = c.agentStatus(o.agent).wrapUps[0];
        if (wrapping) c.finishWrapUp(o.agent, wrapping, 'done');
        return;
      }
      case 'hangup':
      case 'callback':
      case 'position':
      case 'priority':
      case 'move': {
        const target = pick(
          live().filter((x) => x.state === 'queued' || x.state === 'offered'),
          o.pick,
        );
        if (!target) return;
        if (o.kind === 'hangup') c.abandon(target.id);
        if (o.kind === 'callback') c.requestCallback(target.id);
        if (o.kind === 'position') c.moveToPosition(target.id, o.n % 2);
        if (o.kind === 'priority') c.setPriority(target.id, o.n);
        if (o.kind === 'move') c.moveToQueue(target.id, o.n % 2 ? 'sales' : 'support');
        return;
      }
      case 'assign':
      case 'transfer': {
        const state = o.kind === 'assign' ? 'queued' : 'connected';
        const target = pick(
          live().filter((x) => x.state === state),
          o.pick,
        );
        if (target && o.kind === 'assign') c.assign(target.id, o.agent);
        if (target && o.kind === 'transfer') c.transfer(target.id, o.agent);
      }
    }
  }

  function check(): void {
    const c = h.center;
    const contacts = live();
    const holders = new Map<string, string>();
    for (const id of agentIds) {
      const s = c.agentStatus(id);
      const work = [...s.offers, ...s.active, ...s.wrapUps];
      expect(work.length, `capacity of ${id}`).toBeLessThanOrEqual(s.capacity);
      const voice = work.filter(
        (w) => contacts.find((x) => x.id === w)?.record.channel === 'voice',
      );
      if (voice.length > 0) expect(work.length, `voice alone on ${id}`).toBe(1);
      for (const offered of s.offers) {
        expect(holders.has(offered), `${offered} offered twice`).toBe(false);
        holders.set(offered, id);
      }
    }
    for (const x of contacts) {
      expect(closed.has(x.id), `${x.id} closed yet live`).toBe(false);
      if (x.state === 'offered') expect(holders.get(x.id)).toBe(x.offer?.agentId);
    }
    const queued = [...c.queueIds(), ...agentIds.map((a) => `personal:${a}`)].flatMap((q) =>
      c.queueContents(q).map((v) => v.id),
    );
    for (const id of queued) expect(closed.has(id), `${id} closed but queued`).toBe(false);
    for (const r of closed.values()) {
      for (const [a, b] of [
        [r.queuedAt, r.answeredAt],
        [r.answeredAt, r.endedAt],
        [r.endedAt, r.wrapUpEndedAt],
        [r.queuedAt, r.abandonedAt],
      ] as const) {
        if (a !== null && b !== null)
          expect(b - a, `duration in ${r.id}`).toBeGreaterThanOrEqual(0);
      }
      expect(Number.isNaN(r.holdMs)).toBe(false);
    }
    checkNeverStalls(contacts);
  }

  /** No free agent may sit beside a waiting contact it could take. */
  function checkNeverStalls(contacts: ReturnType<typeof live>): void {
    const c = h.center;
    const now = h.clock.now();
    for (const id of agentIds) {
      const s = c.agentStatus(id);
      const load = s.offers.length + s.active.length + s.wrapUps.length;
      const busyVoice = [...s.offers, ...s.active].some(
        (w) => contacts.find((x) => x.id === w)?.record.channel === 'voice',
      );
      if (s.presence !== 'ready' || s.pending !== null || busyVoice || load >= s.capacity) continue;
      const skills = config.agents!.find((a) => a.id === id)!.skills!;
      for (const x of contacts) {
        if (x.state !== 'queued') continue;
        if (x.record.channel !== 'chat' && load > 0) continue;
        if (x.personalAgentId !== null && x.personalAgentId !== id) continue;
        if (x.personalAgentId === null) {
          if (!s.queues.includes(x.queueId)) continue;
          const queue = config.queues.find((q) => q.id === x.queueId)!;
          if (!(queue.skills ?? []).every((r) => (skills[r.skill] ?? 0) >= (r.minProficiency ?? 1)))
            continue;
          if (x.record.skills.some((k) => (skills[k] ?? 0) < 1)) continue;
        }
        const declined = x.record.offers
          .filter((o) => o.agentId === id && o.outcome === 'declined')
          .at(-1);
        const window =
          (config.queues.find((q) => q.id === x.queueId)!.declineWindowSec ?? 30) * 1000;
        if (declined && declined.endedAt! + window > now) continue;
        expect.fail(`stall: ${id} is free and ${x.id} waits in ${x.queueId} at ${now}`);
      }
    }
  }
}

describe('engine invariants under random event sequences', () => {
  it('hold after every step of thousands of sequences', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 5, maxLength: 60 }), (ops) => {
        run(ops);
      }),
      { numRuns: 1500, seed: 20261203 },
    );
  });
});
