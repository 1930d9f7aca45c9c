/**
 * Generated data for the dashboard load test: 500 agents (half ready,
 * half busy with one chat each), 2,000 contacts waiting in two queues,
 * and a burst of 1,000 events that changes every agent's state and moves
 * 250 waiting contacts onto agents.
 */
import type { FakeData, Json } from './fakeCenter.js';

export const agentCount = 500;
export const waitingCount = 2_000;
const half = agentCount / 2;

const agentId = (i: number) => `a${String(i).padStart(3, '0')}`;
const at = Date.now() - 60_000;

function contact(id: string, queueId: string, state: string, extra: Json, n: number): Json {
  return {
    contactId: id,
    state,
    channel: n % 3 === 0 ? 'voice' : 'chat',
    queueId,
    priority: 0,
    position: null,
    estimatedWaitSec: null,
    agentId: null,
    offeredTo: null,
    personalAgentId: null,
    customerId: `cu${n}`,
    topic: queueId,
    language: null,
    createdAt: at + n,
    queuedAt: at + n,
    callbackRequested: false,
    customer: {
      id: `cu${n}`,
      name: `Customer ${n}`,
      email: null,
      phone: null,
      notes: null,
      createdAt: at,
    },
    ...extra,
  };
}

export function loadData(): FakeData {
  const agents: Json[] = [];
  for (let i = 0; i < agentCount; i++) {
    const busy = i >= half;
    const active = busy
      ? [contact(`act${i}`, 'general', 'connected', { agentId: agentId(i) }, 10_000 + i)]
      : [];
    agents.push({
      agentId: agentId(i),
      name: `Agent ${String(i).padStart(3, '0')}`,
      skills: { general: 3 },
      capacity: 2,
      queues: ['general', 'vip'],
      presence: 'ready',
      state: busy ? 'busy' : 'ready',
      stateSince: at,
      timeInStateSec: 60,
      reason: null,
      pendingPresence: null,
      handled: 0,
      missedOffers: 0,
      workload: { offers: [], active, wrapUps: [], personalQueue: [] },
    });
  }
  const general = Array.from({ length: 1_500 }, (_, n) =>
    contact(`w${n}`, 'general', 'queued', {}, n),
  );
  const vip = Array.from({ length: waitingCount - 1_500 }, (_, n) =>
    contact(`v${n}`, 'vip', 'queued', {}, 5_000 + n),
  );
  const queue = (queueId: string, name: string, waiting: number) => ({
    queueId,
    name,
    strategy: 'longest-idle',
    priority: 0,
    waiting,
    longestWaitSec: 60,
    agentsLoggedIn: agentCount,
    agentsReady: half,
    averageHandleSec: 180,
  });
  return {
    agents,
    queues: [queue('general', 'General', general.length), queue('vip', 'VIP', vip.length)],
    queueContacts: { general, vip },
    realtime: realtimeSnapshot(),
  };
}

/** 1,000 events: 250 offers, 250 answers, and a state change for each of the 500 agents. */
export function burstEvents(firstSeq: number): Json[] {
  const events: Json[] = [];
  let seq = firstSeq;
  const now = Date.now();
  const next = (e: Json) => events.push({ seq: seq++, at: now, ...e });
  for (let i = 0; i < half; i++) {
    next({
      type: 'contact.offered',
      contactId: `w${i}`,
      offerId: `o${i}`,
      agentId: agentId(i),
      queueId: 'general',
      expiresAt: now + 20_000,
    });
  }
  for (let i = 0; i < half; i++)
    next({ type: 'contact.connected', contactId: `w${i}`, agentId: agentId(i) });
  for (let i = 0; i < half; i++)
    next({
      type: 'agent.state',
      agentId: agentId(i),
      state: 'busy',
      previous: 'ready',
      reason: null,
    });
  for (let i = half; i < agentCount; i++) {
    next({
      type: 'agent.state',
      agentId: agentId(i),
      state: 'wrapUp',
      previous: 'busy',
      reason: null,
    });
  }
  return events;
}

function realtimeSnapshot(): Json {
  const metrics = {
    offered: 3_000,
    answered: 900,
    abandoned: 100,
    shortAbandons: 10,
    callbacksRequested: 0,
    overflowed: 0,
    transferred: 0,
    handled: 900,
    serviceLevel: {
      value: 0.8,
      formula: 'allAbandons',
      thresholdMs: 20_000,
      name: 'answered within 20 s / (answered + abandoned)',
      numerator: 800,
      denominator: 1_000,
    },
    asaMs: 25_000,
    averageWaitMs: 30_000,
    averageAbandonMs: 40_000,
    longestWaitMs: 300_000,
    abandonRate: 100 / 3_000,
    averageHandleMs: 180_000,
    averageTalkMs: 150_000,
    averageHoldMs: 0,
    averageWrapUpMs: 30_000,
    occupancy: 0.8,
    utilisation: 0.9,
    agentStateMs: { ready: 0, notReady: 0, ringing: 0, busy: 0, wrapUp: 0 },
    loggedInMs: 0,
  };
  const now = {
    waiting: waitingCount,
    beingOffered: 0,
    callbacksPending: 0,
    longestWaitMs: 60_000,
    agents: {},
    today: metrics,
  };
  return {
    at: Date.now(),
    dayStart: Date.now() - 3_600_000,
    center: now,
    queues: { general: now, vip: now },
  };
}
