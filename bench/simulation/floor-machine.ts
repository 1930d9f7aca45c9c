/**
 * The XState floor: the smallest machine that takes a contact through the
 * same states as the engine's contact machine (queued → offered →
 * connected → wrapUp → done), with the ring timeout armed on offer and
 * cancelled on accept, and wrap-up ending on a delayed transition. It
 * records a time per step and does nothing else: no queue, no routing.
 * Floor actors are children of one root, as the engine's contacts are, so
 * they share one actor system and its clock instead of building their own.
 */
import {
  assign,
  createActor,
  createMachine,
  setup,
  type AnyActorRef,
  type InspectionEvent,
} from 'xstate';
import type { Clock } from '../../engine/index.js';

export interface FloorContext {
  id: string;
  queuedAt: number;
  offeredAt: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  wrapUpMs: number;
}

export type FloorEvent =
  { type: 'OFFER'; at: number } | { type: 'ACCEPT'; at: number } | { type: 'END'; at: number };

export interface FloorInput {
  id: string;
  at: number;
  wrapUpMs: number;
}

/** The engine's default ring timeout; it is cancelled before it fires. */
const ringTimeoutMs = 20_000;

export const floorMachine = setup({
  types: {
    context: {} as FloorContext,
    events: {} as FloorEvent,
    input: {} as FloorInput,
  },
  delays: {
    ringTimeout: ringTimeoutMs,
    wrapUp: ({ context }) => context.wrapUpMs,
  },
}).createMachine({
  id: 'floorContact',
  context: ({ input }) => ({
    id: input.id,
    queuedAt: input.at,
    offeredAt: null,
    answeredAt: null,
    endedAt: null,
    wrapUpMs: input.wrapUpMs,
  }),
  initial: 'queued',
  states: {
    queued: {
      on: { OFFER: { target: 'offered', actions: assign({ offeredAt: ({ event }) => event.at }) } },
    },
    offered: {
      after: { ringTimeout: 'queued' },
      on: {
        ACCEPT: { target: 'connected', actions: assign({ answeredAt: ({ event }) => event.at }) },
      },
    },
    connected: {
      on: { END: { target: 'wrapUp', actions: assign({ endedAt: ({ event }) => event.at }) } },
    },
    wrapUp: { after: { wrapUp: 'done' } },
    done: { type: 'final' },
  },
});

/** The root the floor actors are spawned under, its timers on `clock`. */
export function startFloorRoot(
  clock: Clock,
  inspect?: (event: InspectionEvent) => void,
): AnyActorRef {
  const root = createActor(createMachine({ id: 'floorRoot' }), { clock, inspect });
  root.start();
  return root;
}
