/**
 * Keeping an agent's public state and routing place in step with its actor:
 * after any change it publishes a new display state, handles a presence
 * change, re-files the agent in the routing pools, and gives it work.
 */
import { displayState } from '../../machines/agent.js';
import type { AgentSlot } from '../routing/router.js';
import type { CenterCore } from './center-core.js';
import { placeShared, publishMoved, route, routeAgent } from './dispatch.js';

/**
 * After any change to an agent: publishes a new display state, handles a
 * presence change (leaving pools; contacts that waited for it by
 * preference, or for a logged-out agent, go back to their queue), then
 * re-files the agent for routing and gives it work if it is free.
 */
export function sync(core: CenterCore, a: AgentSlot, route = true): void {
  const { value, context } = a.actor.getSnapshot();
  const state = displayState(value, context);
  const previous = core.since.get(a.id)!;
  if (state !== previous.state) {
    core.since.set(a.id, { state, presence: value, at: core.now() });
    core.publish({
      type: 'agent.state',
      agentId: a.id,
      state,
      previous: previous.state,
      reason: context.reason,
    });
  }
  if (value !== previous.presence) {
    core.since.get(a.id)!.presence = value;
    if (value === 'loggedOut') core.router.loggedOut(a);
    if (value !== 'ready') releasePersonal(core, a, value === 'loggedOut');
  }
  a.draw = core.random();
  core.router.reindex(a);
  if (route) routeAgent(core, a);
}

export function releasePersonal(core: CenterCore, a: AgentSlot, all: boolean): void {
  if (!a.personal) return;
  for (const c of core.queueOrder(a.personal)) {
    if (all || c.actor.getSnapshot().context.timers.preferenceUntil !== null) {
      core.router.unplace(c);
      placeShared(core, c);
      publishMoved(core, c);
      core.work.push(() => route(core, c));
    }
  }
}
