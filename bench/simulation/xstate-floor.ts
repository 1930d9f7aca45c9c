/**
 * Runs the XState floor: one floor actor per contact on a virtual clock,
 * sent the transitions a contact goes through, with no routing at all.
 * What the simulator does per contact can be no cheaper than this.
 */
import { createActor, type InspectionEvent } from 'xstate';
import { VirtualClock } from '../../sim/index.js';
import { floorMachine, startFloorRoot } from './floor-machine.js';

export interface FloorRun {
  contacts: number;
  wallMs: number;
  /** Contacts taken to `done` per second of wall time. */
  perSecond: number;
}

const startMs = Date.UTC(2026, 0, 5, 8);

export function runXStateFloor(
  contacts: number,
  inspect?: (event: InspectionEvent) => void,
): FloorRun {
  const clock = new VirtualClock(startMs);
  const root = startFloorRoot(clock, inspect);
  let done = 0;
  const started = performance.now();

  for (let i = 0; i < contacts; i++) {
    const actor = createActor(floorMachine, {
      parent: root,
      input: { id: `c${i}`, at: clock.now(), wrapUpMs: 0 },
    });
    actor.start();
    actor.send({ type: 'OFFER', at: clock.now() });
    actor.send({ type: 'ACCEPT', at: clock.now() });
    actor.send({ type: 'END', at: clock.now() });
    // The wrap-up timer sits on the virtual clock, as the engine's do.
    clock.runAll();
    if (actor.getSnapshot().status === 'done') done += 1;
  }

  const wallMs = performance.now() - started;
  root.stop();
  if (done !== contacts) throw new Error(`floor: ${contacts - done} of ${contacts} actors stuck`);
  return { contacts, wallMs, perSecond: (contacts / wallMs) * 1000 };
}
