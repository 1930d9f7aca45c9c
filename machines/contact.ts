/**
 * One customer contact, from arrival to its closed record.
 *
 * queued → offered → connected → wrapUp → completed, or abandoned from
 * queued/offered. The machine keeps the contact record and owns the
 * contact's timers (ring timeout, wrap-up, and the waiting deadlines: max
 * wait, skill escalation, preference window, decline window). It knows no
 * queue order and no agents' states: the engine routes, the machine records.
 *
 * Every external event carries `at` (the engine's clock); a timer knows its
 * own time because it fires exactly at the deadline it was set for.
 */
import { assign, emit, setup } from 'xstate';
import type { ContactRecord, OfferOutcome } from '../engine/records.js';

export interface ContactTimers {
  ringTimeoutMs: number;
  wrapUpMs: number;
  /** Absolute time the contact overflows, or null. */
  maxWaitAt: number | null;
  /** Absolute times the required proficiency widens, ascending. */
  escalateAt: number[];
  /** Until when the contact waits for its preferred agent only. */
  preferenceUntil: number | null;
}

export interface ContactContext {
  record: ContactRecord;
  /** The time of the last event the machine handled. */
  now: number;
  timers: ContactTimers;
  /** Escalation steps already applied. */
  escalation: number;
  offer: { offerId: string; agentId: string; offeredAt: number } | null;
  /** Agent id → until when that agent may not be offered this contact. */
  declinedUntil: Record<string, number>;
  holdSince: number | null;
  /** The deadlines that fired on the last timer, for the emitted event. */
  fired: DeadlineKind[];
}

export type DeadlineKind = 'maxWait' | 'escalation' | 'preference' | 'decline';

export type ContactEvent =
  | { type: 'OFFER'; at: number; offerId: string; agentId: string; queueId: string }
  | { type: 'ACCEPT'; at: number }
  | { type: 'DECLINE'; at: number; declineWindowMs: number }
  | { type: 'WITHDRAW'; at: number }
  | { type: 'ABANDON'; at: number }
  | { type: 'CALLBACK'; at: number }
  | { type: 'HOLD'; at: number }
  | { type: 'RESUME'; at: number }
  | { type: 'END'; at: number }
  | { type: 'FINISH_WRAP_UP'; at: number; disposition: string | null }
  | { type: 'AGENT_GONE'; at: number }
  | { type: 'TRANSFER'; at: number; to: string }
  | { type: 'REQUEUE'; at: number; queueId: string; timers: ContactTimers }
  | { type: 'OVERFLOW'; at: number; to: string; timers: ContactTimers }
  | { type: 'SET_PRIORITY'; priority: number };

export type ContactEmitted =
  | { type: 'ringTimeout'; at: number; agentId: string; offerId: string }
  | { type: 'deadline'; at: number; kinds: DeadlineKind[] }
  | { type: 'wrapUpDone'; at: number; agentId: string };

export interface ContactInput {
  record: ContactRecord;
  timers: ContactTimers;
}

function nextDeadline(c: ContactContext): number | null {
  const t = c.timers;
  let next = Infinity;
  if (t.maxWaitAt !== null) next = t.maxWaitAt;
  const esc = t.escalateAt[c.escalation];
  if (esc !== undefined) next = Math.min(next, esc);
  if (t.preferenceUntil !== null) next = Math.min(next, t.preferenceUntil);
  for (const until of Object.values(c.declinedUntil)) {
    next = Math.min(next, until);
  }
  return next === Infinity ? null : next;
}

function endOffer(
  record: ContactRecord,
  offerId: string,
  at: number,
  outcome: OfferOutcome,
): ContactRecord {
  return {
    ...record,
    offers: record.offers.map((o) => (o.offerId === offerId ? { ...o, endedAt: at, outcome } : o)),
  };
}

export const contactMachine = setup({
  types: {
    context: {} as ContactContext,
    events: {} as ContactEvent,
    input: {} as ContactInput,
    emitted: {} as ContactEmitted,
  },
  delays: {
    ringTimeout: ({ context }) => context.timers.ringTimeoutMs,
    wrapUp: ({ context }) => context.timers.wrapUpMs,
    untilDeadline: ({ context }) =>
      Math.max(0, (nextDeadline(context) ?? context.now) - context.now),
  },
  guards: {
    hasDeadline: ({ context }) => nextDeadline(context) !== null,
    noWrapUp: ({ context }) => context.timers.wrapUpMs <= 0,
  },
  actions: {
    endCurrentOffer: assign(({ context, event }, outcome: OfferOutcome) => {
      const at = 'at' in event ? event.at : context.now;
      if (!context.offer) return {};
      return {
        now: at,
        record: endOffer(context.record, context.offer.offerId, at, outcome),
        offer: null,
      };
    }),
  },
}).createMachine({
  id: 'contact',
  context: ({ input }) => ({
    record: input.record,
    now: input.record.queuedAt,
    timers: input.timers,
    escalation: 0,
    offer: null,
    declinedUntil: {},
    holdSince: null,
    fired: [],
  }),
  initial: 'queued',
  on: {
    // While queued or ringing; ignored once answered or gone.
    CALLBACK: {
      guard: ({ context }) =>
        context.record.callbackRequestedAt === null && context.record.answeredAt === null,
      actions: assign(({ context, event }) => ({
        now: event.at,
        record: { ...context.record, callbackRequestedAt: event.at },
      })),
    },
    SET_PRIORITY: {
      actions: assign({
        record: ({ context, event }) => ({ ...context.record, priority: event.priority }),
      }),
    },
  },
  states: {
    queued: {
      initial: 'check',
      on: {
        OFFER: {
          target: 'offered',
          actions: assign(({ context, event }) => ({
            now: event.at,
            offer: { offerId: event.offerId, agentId: event.agentId, offeredAt: event.at },
            record: {
              ...context.record,
              offers: [
                ...context.record.offers,
                {
                  offerId: event.offerId,
                  agentId: event.agentId,
                  queueId: event.queueId,
                  offeredAt: event.at,
                  endedAt: null,
                  outcome: null,
                },
              ],
            },
          })),
        },
        ABANDON: { target: 'abandoned' },
        REQUEUE: {
          target: '.check',
          reenter: true,
          actions: assign(({ context, event }) => ({
            now: event.at,
            timers: event.timers,
            record: { ...context.record, queueId: event.queueId },
          })),
        },
        OVERFLOW: {
          target: '.check',
          reenter: true,
          actions: assign(({ context, event }) => ({
            now: event.at,
            timers: event.timers,
            record: {
              ...context.record,
              queueId: event.to,
              overflows: [
                ...context.record.overflows,
                { from: context.record.queueId, to: event.to, at: event.at },
              ],
            },
          })),
        },
      },
      states: {
        check: {
          always: [{ guard: 'hasDeadline', target: 'timed' }, { target: 'untimed' }],
        },
        untimed: {},
        timed: {
          after: {
            untilDeadline: {
              target: 'check',
              reenter: true,
              actions: [
                assign(({ context }) => fireDeadlines(context)),
                emit(({ context }) => ({
                  type: 'deadline' as const,
                  at: context.now,
                  kinds: context.fired,
                })),
              ],
            },
          },
        },
      },
    },
    offered: {
      after: {
        ringTimeout: {
          target: 'queued',
          actions: [
            emit(({ context }) => ({
              type: 'ringTimeout' as const,
              at: context.offer!.offeredAt + context.timers.ringTimeoutMs,
              agentId: context.offer!.agentId,
              offerId: context.offer!.offerId,
            })),
            assign(({ context }) => {
              const offer = context.offer!;
              const at = offer.offeredAt + context.timers.ringTimeoutMs;
              return {
                now: at,
                offer: null,
                record: endOffer(context.record, offer.offerId, at, 'timeout'),
              };
            }),
          ],
        },
      },
      on: {
        ACCEPT: {
          target: 'connected',
          actions: assign(({ context, event }) => {
            const offer = context.offer!;
            const record = endOffer(context.record, offer.offerId, event.at, 'accepted');
            return {
              now: event.at,
              offer: null,
              record: {
                ...record,
                answeredAt: record.answeredAt ?? event.at,
                agentId: offer.agentId,
              },
            };
          }),
        },
        DECLINE: {
          target: 'queued',
          actions: [
            assign(({ context, event }) => ({
              declinedUntil:
                event.declineWindowMs > 0
                  ? {
                      ...context.declinedUntil,
                      [context.offer!.agentId]: event.at + event.declineWindowMs,
                    }
                  : context.declinedUntil,
            })),
            { type: 'endCurrentOffer', params: 'declined' },
          ],
        },
        WITHDRAW: {
          target: 'queued',
          actions: { type: 'endCurrentOffer', params: 'withdrawn' },
        },
        ABANDON: {
          target: 'abandoned',
          actions: { type: 'endCurrentOffer', params: 'cancelled' },
        },
      },
    },
    connected: {
      on: {
        HOLD: {
          guard: ({ context }) => context.holdSince === null,
          actions: assign(({ event }) => ({ now: event.at, holdSince: event.at })),
        },
        RESUME: {
          guard: ({ context }) => context.holdSince !== null,
          actions: assign(({ context, event }) => releaseHold(context, event.at)),
        },
        END: {
          target: 'wrapUp',
          actions: assign(({ context, event }) => {
            const released = releaseHold(context, event.at);
            return { ...released, record: { ...released.record, endedAt: event.at } };
          }),
        },
        TRANSFER: {
          target: 'queued',
          actions: assign(({ context, event }) => {
            const released = releaseHold(context, event.at);
            return {
              ...released,
              timers: { ...context.timers, maxWaitAt: null, escalateAt: [], preferenceUntil: null },
              record: {
                ...released.record,
                transfers: [
                  ...released.record.transfers,
                  { from: context.record.agentId ?? '', to: event.to, at: event.at },
                ],
              },
            };
          }),
        },
      },
    },
    wrapUp: {
      always: {
        guard: 'noWrapUp',
        target: 'completed',
        actions: assign(({ context }) => ({
          record: { ...context.record, wrapUpEndedAt: context.record.endedAt },
        })),
      },
      after: {
        wrapUp: {
          target: 'completed',
          actions: [
            assign(({ context }) => {
              const at = (context.record.endedAt ?? context.now) + context.timers.wrapUpMs;
              return { now: at, record: { ...context.record, wrapUpEndedAt: at } };
            }),
            emit(({ context }) => ({
              type: 'wrapUpDone' as const,
              at: context.now,
              agentId: context.record.agentId ?? '',
            })),
          ],
        },
      },
      on: {
        FINISH_WRAP_UP: {
          target: 'completed',
          actions: assign(({ context, event }) => ({
            now: event.at,
            record: {
              ...context.record,
              wrapUpEndedAt: event.at,
              disposition: event.disposition,
            },
          })),
        },
        AGENT_GONE: {
          target: 'completed',
          actions: assign(({ context, event }) => ({
            now: event.at,
            record: { ...context.record, wrapUpEndedAt: event.at },
          })),
        },
      },
    },
    completed: {
      type: 'final',
      entry: assign(({ context }) => ({
        record: { ...context.record, outcome: 'completed' as const },
      })),
    },
    abandoned: {
      type: 'final',
      entry: assign(({ context, event }) => {
        const at = 'at' in event ? event.at : context.now;
        return {
          now: at,
          record: { ...context.record, abandonedAt: at, outcome: 'abandoned' as const },
        };
      }),
    },
  },
});

function releaseHold(c: ContactContext, at: number) {
  if (c.holdSince === null) return { now: at, holdSince: null, record: c.record };
  const held = Math.max(0, at - c.holdSince);
  return {
    now: at,
    holdSince: null,
    record: { ...c.record, holdMs: c.record.holdMs + held },
  };
}

/** Applies every deadline due at the next deadline, and says which fired. */
function fireDeadlines(c: ContactContext): Partial<ContactContext> {
  const at = nextDeadline(c) ?? c.now;
  const t = c.timers;
  const fired: DeadlineKind[] = [];
  let { maxWaitAt, preferenceUntil } = t;
  if (maxWaitAt !== null && maxWaitAt <= at) {
    fired.push('maxWait');
    maxWaitAt = null;
  }
  let escalation = c.escalation;
  while ((t.escalateAt[escalation] ?? Infinity) <= at) escalation += 1;
  if (escalation > c.escalation) fired.push('escalation');
  if (preferenceUntil !== null && preferenceUntil <= at) {
    fired.push('preference');
    preferenceUntil = null;
  }
  const declinedUntil: Record<string, number> = {};
  let lapsed = false;
  for (const [agent, until] of Object.entries(c.declinedUntil)) {
    if (until > at) declinedUntil[agent] = until;
    else lapsed = true;
  }
  if (lapsed) fired.push('decline');
  return {
    now: at,
    fired,
    escalation,
    declinedUntil,
    timers: { ...t, maxWaitAt, preferenceUntil },
  };
}
