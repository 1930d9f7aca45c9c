/**
 * How many events XState processes per contact, in the engine and in the
 * floor, counted with XState's inspection API: a machine-independent
 * account of why one costs more than the other. Counts, not timings.
 */
import type { InspectionEvent } from 'xstate';
import { RoutingCenter } from '../routing/routing-center.js';
import { runXStateFloor } from './xstate-floor.js';

export interface EventCounts {
  engine: number;
  floor: number;
}

/** Events per contact for `contacts` contacts offered, answered and ended. */
export function eventsPerContact(contacts = 1_000): EventCounts {
  let engineEvents = 0;
  const center = new RoutingCenter(20, 1, (e) => {
    if (isEvent(e)) engineEvents += 1;
  });
  center.readyAll();
  engineEvents = 0;
  for (let i = 0; i < contacts; i++) center.timeArrival();
  center.center.stop();

  let floorEvents = 0;
  runXStateFloor(contacts, (e) => {
    if (isEvent(e)) floorEvents += 1;
  });
  return { engine: engineEvents / contacts, floor: floorEvents / contacts };
}

/** One event delivered to one actor (`xstate.init` included). */
function isEvent(e: InspectionEvent): boolean {
  return e.type === '@xstate.event';
}
