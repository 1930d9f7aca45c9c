/**
 * One agent's presence and workload.
 *
 * Presence is loggedOut, ready or notReady (with a reason). Work is counted
 * in context: offers ringing, contacts active, contacts in wrap-up; each
 * holds one unit of capacity, and a voice contact holds the whole agent.
 * A presence request made while the agent has work becomes `pending` and is
 * applied when the work drains; the last request wins. The display state a
 * supervisor sees (ringing, busy, wrapUp...) is derived by `displayState`.
 */
import { assign, raise, setup } from 'xstate';
import type { AgentState } from '../engine/events.js';

export type Presence =
  { state: 'ready' } | { state: 'notReady'; reason: string } | { state: 'loggedOut' };

export interface AgentContext {
  agentId: string;
  capacity: number;
  maxMissedOffers: number;
  reason: string | null;
  pending: Presence | null;
  offers: string[];
  active: string[];
  wrapUps: string[];
  /** Contacts (offered or active) that take the whole agent. */
  voice: string[];
  /** Consecutive offers that rang out unanswered. */
  missed: number;
  /** Since when the agent has had no work while ready (routing key). */
  idleSince: number;
  /** Contacts accepted since login. */
  handled: number;
}

export type AgentEvent =
  | { type: 'LOGIN'; at: number }
  | { type: 'READY'; at: number }
  | { type: 'NOT_READY'; at: number; reason: string }
  | { type: 'LOGOUT'; at: number }
  | { type: 'RESERVE'; at: number; contactId: string; voice: boolean }
  | { type: 'OFFER_ENDED'; at: number; contactId: string; accepted: boolean; missed: boolean }
  | { type: 'CONTACT_ENDED'; at: number; contactId: string; wrapUp: boolean }
  | { type: 'CONTACT_LEFT'; at: number; contactId: string }
  | { type: 'WRAP_UP_DONE'; at: number; contactId: string };

export interface AgentInput {
  agentId: string;
  capacity: number;
  maxMissedOffers: number;
  at: number;
}

const without = (list: string[], id: string) => list.filter((x) => x !== id);

/** Work that keeps an agent from changing presence at once. */
const busyWork = (c: AgentContext) => c.active.length + c.wrapUps.length;

export const agentMachine = setup({
  types: {
    context: {} as AgentContext,
    events: {} as AgentEvent,
    input: {} as AgentInput,
  },
  guards: {
    hasWork: ({ context }) => busyWork(context) > 0,
    hasActive: ({ context }) => context.active.length > 0,
    pendingReady: ({ context }) => busyWork(context) === 0 && context.pending?.state === 'ready',
    pendingNotReady: ({ context }) =>
      busyWork(context) === 0 && context.pending?.state === 'notReady',
    pendingLogout: ({ context }) =>
      busyWork(context) === 0 && context.pending?.state === 'loggedOut',
  },
  actions: {
    stamp: assign(({ event }) => ('at' in event ? { idleSince: event.at } : {})),
    clearPending: assign({ pending: null }),
    applyPendingReason: assign(({ context }) => ({
      reason: context.pending?.state === 'notReady' ? context.pending.reason : context.reason,
      pending: null,
    })),
    countOffer: assign(({ context, event }) => {
      if (event.type !== 'OFFER_ENDED') return {};
      const { contactId, accepted, missed } = event;
      return {
        offers: without(context.offers, contactId),
        voice: accepted ? context.voice : without(context.voice, contactId),
        active: accepted ? [...context.active, contactId] : context.active,
        handled: accepted ? context.handled + 1 : context.handled,
        missed: accepted ? 0 : missed ? context.missed + 1 : context.missed,
      };
    }),
    deferNotReady: assign(({ event }) => ({
      pending: {
        state: 'notReady',
        reason: event.type === 'NOT_READY' ? event.reason : 'requested',
      } as Presence,
    })),
  },
}).createMachine({
  id: 'agent',
  context: ({ input }) => ({
    agentId: input.agentId,
    capacity: input.capacity,
    maxMissedOffers: input.maxMissedOffers,
    reason: null,
    pending: null,
    offers: [],
    active: [],
    wrapUps: [],
    voice: [],
    missed: 0,
    idleSince: input.at,
    handled: 0,
  }),
  initial: 'loggedOut',
  states: {
    loggedOut: {
      entry: assign({ reason: null, pending: null, missed: 0 }),
      on: {
        LOGIN: {
          target: 'notReady',
          actions: assign(({ event }) => ({
            reason: 'login',
            handled: 0,
            idleSince: event.at,
          })),
        },
      },
    },
    ready: {
      entry: assign({ reason: null }),
      always: [
        { guard: 'pendingNotReady', target: 'notReady', actions: 'applyPendingReason' },
        { guard: 'pendingLogout', target: 'loggedOut' },
        { guard: 'pendingReady', actions: 'clearPending' },
      ],
      on: {
        NOT_READY: [
          { guard: 'hasWork', actions: 'deferNotReady' },
          {
            target: 'notReady',
            actions: assign(({ event }) => ({ reason: event.reason, pending: null })),
          },
        ],
        READY: { actions: 'clearPending' },
      },
    },
    notReady: {
      always: [
        { guard: 'pendingReady', target: 'ready', actions: ['clearPending', 'stamp'] },
        { guard: 'pendingLogout', target: 'loggedOut' },
        { guard: 'pendingNotReady', actions: 'applyPendingReason' },
      ],
      on: {
        READY: [
          {
            guard: 'hasWork',
            actions: assign({ pending: { state: 'ready' } as Presence }),
          },
          { target: 'ready', actions: ['clearPending', 'stamp'] },
        ],
        NOT_READY: [
          { guard: 'hasWork', actions: 'deferNotReady' },
          { actions: assign(({ event }) => ({ reason: event.reason, pending: null })) },
        ],
      },
    },
  },
  on: {
    LOGOUT: [
      { guard: 'hasActive', actions: assign({ pending: { state: 'loggedOut' } as Presence }) },
      // Wrap-ups are closed by the engine before LOGOUT; nothing holds us.
      { target: '.loggedOut' },
    ],
    RESERVE: {
      actions: assign(({ context, event }) => ({
        offers: [...context.offers, event.contactId],
        voice: event.voice ? [...context.voice, event.contactId] : context.voice,
      })),
    },
    OFFER_ENDED: [
      {
        guard: ({ context, event }) =>
          event.missed && context.missed + 1 >= context.maxMissedOffers,
        actions: [
          'countOffer',
          raise(({ event }) => ({ type: 'NOT_READY' as const, at: event.at, reason: 'missed' })),
        ],
      },
      { actions: 'countOffer' },
    ],
    CONTACT_ENDED: {
      actions: assign(({ context, event }) => ({
        active: without(context.active, event.contactId),
        voice: without(context.voice, event.contactId),
        wrapUps: event.wrapUp ? [...context.wrapUps, event.contactId] : context.wrapUps,
        idleSince: event.at,
      })),
    },
    CONTACT_LEFT: {
      actions: assign(({ context, event }) => ({
        active: without(context.active, event.contactId),
        voice: without(context.voice, event.contactId),
        wrapUps: without(context.wrapUps, event.contactId),
        idleSince: event.at,
      })),
    },
    WRAP_UP_DONE: {
      actions: assign(({ context, event }) => ({
        wrapUps: without(context.wrapUps, event.contactId),
        idleSince: event.at,
      })),
    },
  },
});

export type PresenceState = 'loggedOut' | 'ready' | 'notReady';

/** Units of capacity in use: ringing, active and wrapping contacts. */
export function load(c: AgentContext): number {
  return c.offers.length + c.active.length + c.wrapUps.length;
}

/** What a supervisor sees: work first, then presence. */
export function displayState(presence: PresenceState, c: AgentContext): AgentState {
  if (presence === 'loggedOut') return 'loggedOut';
  if (c.offers.length > 0) return 'ringing';
  if (c.active.length > 0) return 'busy';
  if (c.wrapUps.length > 0) return 'wrapUp';
  return presence;
}

/**
 * Whether the agent can take another contact now, and of which kind: a
 * voice contact needs the agent free of all work; a chat needs one free
 * unit of capacity and no voice contact in progress.
 */
export function availability(presence: PresenceState, c: AgentContext): 'none' | 'chat' | 'any' {
  if (presence !== 'ready' || c.pending !== null || c.voice.length > 0) return 'none';
  const used = load(c);
  if (used === 0) return 'any';
  return used < c.capacity ? 'chat' : 'none';
}
