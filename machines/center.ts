/**
 * The root of the center's actor system. Contacts, agents and queues are
 * created as its children, so one inspector sees them all and stopping the
 * root stops everything.
 */
import { setup } from 'xstate';

export const centerMachine = setup({}).createMachine({
  id: 'center',
  initial: 'running',
  states: { running: {} },
});
