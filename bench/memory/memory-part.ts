/**
 * Memory: heap bytes per waiting contact and per logged-in agent, next to
 * the heap bytes of one bare XState actor (the floor machine, started and
 * waiting), all read after forced collections in one process.
 */
import { createActor, type Actor, type AnyActorRef } from 'xstate';
import { VirtualClock } from '../../sim/index.js';
import { canCollectGarbage } from '../gc.js';
import { measurement, type Quantity } from '../measurement.js';
import type { PartOutput } from '../part-output.js';
import type { BenchPlan } from '../plan.js';
import { RoutingCenter } from '../routing/routing-center.js';
import { floorMachine, startFloorRoot } from '../simulation/floor-machine.js';
import { heapCost } from './heap-cost.js';

const contactTargetBytes = 5 * 1024;

export function memoryPart(plan: BenchPlan, out: PartOutput): void {
  if (!canCollectGarbage()) {
    out.note('memory', 'skipped: the process was started without --expose-gc');
    return;
  }
  const { agents, contacts, actors } = plan.memory;

  const bare = heapCost(() => bareActors(actors));
  const actor: Quantity = {
    label: 'bare XState actor',
    value: bare.bytes / actors,
    unit: 'B',
  };
  bare.built.root.stop();

  const configured = heapCost(() => new RoutingCenter(agents, plan.seed));
  const loggedIn = heapCost(() => configured.built.readyAll());
  out.measure(
    measurement(
      'memory',
      'memory.agent',
      {
        label: `per logged-in, ready agent (${fmt(agents)})`,
        value: (configured.bytes + loggedIn.bytes) / agents,
        unit: 'B',
      },
      {
        baseline: actor,
        details: {
          agents,
          configuredBytesEach: Math.round(configured.bytes / agents),
          loginBytesEach: Math.round(loggedIn.bytes / agents),
        },
      },
    ),
  );
  configured.built.center.stop();

  // One busy agent: the contacts wait, as they would for a full center.
  const center = new RoutingCenter(1, plan.seed);
  center.readyAll();
  center.occupyAll();
  const waiting = heapCost(() => center.fillWaiting(contacts));
  const perContact = waiting.bytes / contacts;
  out.measure(
    measurement(
      'memory',
      'memory.waiting-contact',
      { label: `per waiting contact (${fmt(contacts)})`, value: perContact, unit: 'B' },
      {
        baseline: actor,
        target: { text: '< 5 KiB', met: perContact < contactTargetBytes },
        details: { contacts, bareActors: actors },
      },
    ),
  );
  center.center.stop();
}

/** Floor actors started and left queued, like contacts that wait. */
function bareActors(n: number): { root: AnyActorRef; actors: Actor<typeof floorMachine>[] } {
  const root = startFloorRoot(new VirtualClock(Date.UTC(2026, 0, 5, 9)));
  const actors: Actor<typeof floorMachine>[] = [];
  for (let i = 0; i < n; i++) {
    const actor = createActor(floorMachine, {
      parent: root,
      input: { id: `c${i}`, at: 0, wrapUpMs: 0 },
    });
    actor.start();
    actors.push(actor);
  }
  return { root, actors };
}

function fmt(n: number): string {
  return n.toLocaleString('en');
}
