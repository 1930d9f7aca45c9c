import { describe, expect, it } from 'vitest';
import type { AgentView, ContactDetail, DomainEvent, QueueView } from '../api/types';
import { CenterStore } from './CenterStore';

function agent(agentId: string, name: string, active: ContactDetail[] = []): AgentView {
  return {
    agentId,
    name,
    skills: {},
    capacity: 2,
    queues: ['billing'],
    presence: 'ready',
    state: active.length > 0 ? 'busy' : 'ready',
    stateSince: 0,
    timeInStateSec: 0,
    reason: null,
    pendingPresence: null,
    handled: 0,
    missedOffers: 0,
    workload: { offers: [], active, wrapUps: [], personalQueue: [] },
  };
}

function detail(
  contactId: string,
  queuedAt: number,
  extra: Partial<ContactDetail> = {},
): ContactDetail {
  return {
    contactId,
    state: 'queued',
    channel: 'chat',
    queueId: 'billing',
    priority: 0,
    position: null,
    estimatedWaitSec: null,
    agentId: null,
    offeredTo: null,
    personalAgentId: null,
    customerId: null,
    topic: null,
    language: null,
    createdAt: queuedAt,
    queuedAt,
    callbackRequested: false,
    customer: null,
    ...extra,
  };
}

const billing: QueueView = {
  queueId: 'billing',
  name: 'Billing',
  strategy: 'longest-idle',
  priority: 0,
  waiting: 2,
  longestWaitSec: 0,
  agentsLoggedIn: 2,
  agentsReady: 1,
  averageHandleSec: 180,
};

/** A store whose flushes run only when the test says so. */
function manualStore() {
  let pending: (() => void) | null = null;
  const store = new CenterStore({ schedule: (flush) => (pending = flush) });
  const flushes = { count: 0 };
  store.subscribe(() => (flushes.count += 1));
  return {
    store,
    flushes,
    flush() {
      pending?.();
      pending = null;
    },
  };
}

function loaded() {
  const s = manualStore();
  const ann = detail('c1', 1_000);
  const ben = detail('c2', 2_000);
  const talking = detail('c9', 500, { state: 'connected', agentId: 'a1' });
  s.store.load(
    [agent('a1', 'Ada', [talking]), agent('a2', 'Bo')],
    [billing],
    new Map([['billing', [ann, ben]]]),
  );
  s.flush();
  return s;
}

let seq = 10;
const at = 5_000;
const e = (fields: object) => ({ seq: ++seq, at, ...fields }) as DomainEvent;

describe('CenterStore', () => {
  it('shows the queue and each agent workload as read over HTTP', () => {
    const { store } = loaded();

    const snap = store.getSnapshot();

    expect(snap.queues[0]!.contacts.map((c) => c.contactId)).toEqual(['c1', 'c2']);
    expect(snap.agentById.get('a1')!.workload.map((c) => [c.contactId, c.status])).toEqual([
      ['c9', 'active'],
    ]);
    expect(snap.agentsByState.busy).toBe(1);
  });

  it('applies a burst of events in one flush, and tells its listeners once', () => {
    const { store, flush, flushes } = loaded();
    const before = flushes.count;

    store.apply(
      e({
        type: 'contact.offered',
        contactId: 'c1',
        offerId: 'o1',
        agentId: 'a2',
        queueId: 'billing',
        expiresAt: at + 20_000,
      }),
    );
    store.apply(e({ type: 'contact.connected', contactId: 'c1', agentId: 'a2' }));
    store.apply(
      e({ type: 'agent.state', agentId: 'a2', state: 'busy', previous: 'ready', reason: null }),
    );
    flush();

    const snap = store.getSnapshot();
    expect(flushes.count - before).toBe(1);
    expect(snap.queues[0]!.contacts.map((c) => c.contactId)).toEqual(['c2']);
    expect(snap.agentById.get('a2')!.workload.map((c) => c.status)).toEqual(['active']);
    expect(snap.agentById.get('a2')!.agent.state).toBe('busy');
  });

  it('keeps the identity of agents an event did not touch', () => {
    const { store, flush } = loaded();
    const ada = store.getSnapshot().agentById.get('a1');

    store.apply(
      e({
        type: 'agent.state',
        agentId: 'a2',
        state: 'notReady',
        previous: 'ready',
        reason: 'Lunch',
      }),
    );
    flush();

    expect(store.getSnapshot().agentById.get('a1')).toBe(ada);
    expect(store.getSnapshot().agentById.get('a2')!.agent.reason).toBe('Lunch');
  });

  it('moves a transferred contact from one agent to the other agent personal queue', () => {
    const { store, flush } = loaded();

    store.apply(e({ type: 'contact.transferred', contactId: 'c9', from: 'a1', to: 'a2' }));
    store.apply(
      e({
        type: 'contact.moved',
        contactId: 'c9',
        queueId: 'billing',
        priority: 0,
        personalAgentId: 'a2',
      }),
    );
    flush();

    const snap = store.getSnapshot();
    expect(snap.agentById.get('a1')!.workload).toEqual([]);
    expect(snap.agentById.get('a2')!.workload.map((c) => [c.contactId, c.status])).toEqual([
      ['c9', 'waiting'],
    ]);
    expect(snap.queues[0]!.contacts.map((c) => c.contactId)).toEqual(['c1', 'c2']);
  });

  it('puts a newly queued contact behind those that waited longer, and ahead on higher priority', () => {
    const { store, flush } = loaded();

    store.apply(
      e({
        type: 'contact.created',
        contactId: 'c3',
        channel: 'voice',
        queueId: 'billing',
        customerId: null,
        noEligibleAgent: false,
      }),
    );
    store.apply(
      e({ type: 'contact.queued', contactId: 'c3', queueId: 'billing', personalAgentId: null }),
    );
    store.apply(
      e({
        type: 'contact.moved',
        contactId: 'c2',
        queueId: 'billing',
        priority: 5,
        personalAgentId: null,
      }),
    );
    flush();

    expect(store.getSnapshot().queues[0]!.contacts.map((c) => c.contactId)).toEqual([
      'c2',
      'c1',
      'c3',
    ]);
  });

  it('asks for the queue order to be read again after a move', () => {
    const stale: string[] = [];
    const store = new CenterStore({
      schedule: () => undefined,
      onQueueStale: (q) => stale.push(q),
    });
    store.load([], [billing], new Map([['billing', [detail('c1', 1_000)]]]));

    store.apply(
      e({
        type: 'contact.moved',
        contactId: 'c1',
        queueId: 'billing',
        priority: 1,
        personalAgentId: null,
      }),
    );

    expect(stale).toEqual(['billing']);
  });

  it('takes the server order of a queue, keeping a contact that arrived since', () => {
    const { store, flush } = loaded();
    store.apply(
      e({ type: 'contact.queued', contactId: 'c3', queueId: 'billing', personalAgentId: null }),
    );

    store.replaceQueueOrder('billing', [detail('c2', 2_000), detail('c1', 1_000)]);
    flush();

    expect(store.getSnapshot().queues[0]!.contacts.map((c) => c.contactId)).toEqual([
      'c2',
      'c1',
      'c3',
    ]);
  });
});
