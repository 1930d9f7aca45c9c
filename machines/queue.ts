/**
 * A queue: a shared skill queue, or one agent's personal queue. Its context
 * holds its routing pools (waiting contacts in order, and the free agents
 * who can take them); each change to the order is an event to this actor,
 * so an inspector shows every enqueue, removal and reorder as it happens.
 */
import { setup } from 'xstate';
import type { IndexedAgent, Pool, WaitingEntry } from '../engine/routing/pool.js';

export interface QueueContext {
  queueId: string;
  /** For a personal queue, the agent it belongs to. */
  ownerAgentId: string | null;
  pools: Map<string, Pool>;
}

export type QueueEvent =
  | { type: 'ADD_POOL'; pool: Pool }
  | { type: 'ENQUEUE'; poolKey: string; entry: WaitingEntry }
  | { type: 'REMOVE'; poolKey: string; contactId: string }
  | { type: 'INDEX_AGENT'; poolKey: string; agent: IndexedAgent }
  | { type: 'UNINDEX_AGENT'; poolKey: string; agentId: string };

export interface QueueInput {
  queueId: string;
  ownerAgentId: string | null;
}

export const queueMachine = setup({
  types: {
    context: {} as QueueContext,
    events: {} as QueueEvent,
    input: {} as QueueInput,
  },
}).createMachine({
  id: 'queue',
  context: ({ input }) => ({
    queueId: input.queueId,
    ownerAgentId: input.ownerAgentId,
    pools: new Map(),
  }),
  initial: 'open',
  states: {
    open: {
      on: {
        // The pools are the queue's own indexes, updated in place: copying
        // a heap of 100,000 contacts per event would defeat O(log n).
        ADD_POOL: {
          actions: ({ context, event }) => {
            context.pools.set(event.pool.key, event.pool);
          },
        },
        ENQUEUE: {
          actions: ({ context, event }) => {
            context.pools.get(event.poolKey)?.waiting.set(event.entry.contactId, event.entry);
          },
        },
        REMOVE: {
          actions: ({ context, event }) => {
            context.pools.get(event.poolKey)?.waiting.delete(event.contactId);
          },
        },
        INDEX_AGENT: {
          actions: ({ context, event }) => {
            context.pools.get(event.poolKey)?.agents.set(event.agent.agentId, event.agent);
          },
        },
        UNINDEX_AGENT: {
          actions: ({ context, event }) => {
            context.pools.get(event.poolKey)?.agents.delete(event.agentId);
          },
        },
      },
    },
  },
});
