/**
 * A center on a virtual clock, with every published event collected, for
 * given/when/then tests that assert exact times and agents.
 */
import { VirtualClock } from '../../sim/virtual-clock.js';
import { ContactCenter, type CenterOptions } from '../center.js';
import type { CenterConfigInput } from '../config.js';
import type { DomainEvent, EventOf } from '../events.js';

/** 09:00:00.000 UTC on a Monday: tests speak in offsets from here. */
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

export function harness(config: CenterConfigInput, options: Partial<CenterOptions> = {}) {
  const clock = new VirtualClock(T0);
  const center = new ContactCenter({ config, clock, seed: 7, ...options });
  const events: DomainEvent[] = [];
  center.subscribe((e) => events.push(e));

  return {
    clock,
    center,
    events,
    /** Moves virtual time forward, firing every timer on the way. */
    advance(ms: number) {
      clock.runUntil(clock.now() + ms);
    },
    /** Milliseconds since T0. */
    elapsed() {
      return clock.now() - T0;
    },
    of<T extends DomainEvent['type']>(type: T): EventOf<T>[] {
      return events.filter((e): e is EventOf<T> => e.type === type);
    },
    /** Agents offered each contact, in order, as "contact→agent". */
    offers(): string[] {
      return events
        .filter((e): e is EventOf<'contact.offered'> => e.type === 'contact.offered')
        .map((e) => `${e.contactId}→${e.agentId}`);
    },
    /** Logs the agents in and makes them ready, in the order given. */
    ready(...agentIds: string[]) {
      for (const id of agentIds) {
        center.login(id);
        center.ready(id);
      }
    },
  };
}

/** One queue, `n` agents a1..an with capacity 1, all serving it. */
export function simpleConfig(n: number, queue: Record<string, unknown> = {}): CenterConfigInput {
  return {
    skills: ['general'],
    queues: [{ id: 'q', skills: [{ skill: 'general' }], ...queue }],
    agents: Array.from({ length: n }, (_, i) => ({
      id: `a${i + 1}`,
      name: `Agent ${i + 1}`,
      skills: { general: 3 },
    })),
  };
}
