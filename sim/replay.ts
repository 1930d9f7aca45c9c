/**
 * Replays a trace (sim/trace.ts) through the engine on a virtual clock.
 * `contact.arrive` creates the contact with its handle time and patience;
 * agent events drive presence; explicit accepts, declines, hang-ups and
 * supervisor actions are applied as they come. Agents the trace never
 * accepts for answer offers themselves after the configured delay.
 *
 * The center comes from the replay configuration, completed from the
 * trace: a queue it does not list gets the engine's defaults except no
 * wrap-up (a trace's handle time is all the work there is); an agent it
 * does not list serves every queue it logs in to anywhere in the trace.
 */
import { parseConfig, type CenterConfig } from '../engine/index.js';
import { priorityRouting } from './priority-classes.js';
import type { ReplayConfig } from './replay-config.js';
import { Simulation } from './simulation.js';
import type { SimulationResult } from './simulation-result.js';
import type { Trace, TraceEvent } from './trace.js';

/** Replays the trace; the same trace and configuration give the same result. */
export function replayTrace(trace: Trace, config: ReplayConfig): SimulationResult {
  const startMs = Date.parse(trace.header.start);
  const center = centerFor(trace, config.center);
  const routing = priorityRouting(center.queues, center.agents, config.priorities);
  const sim = new Simulation({
    config: { ...center, queues: routing.queues, agents: routing.agents },
    startMs,
    seed: config.seed,
    intervalMinutes: config.intervalMinutes,
    thresholds: {
      serviceLevelMs: Math.round(config.thresholds.serviceLevelSec * 1000),
      shortAbandonMs: Math.round(config.thresholds.shortAbandonSec * 1000),
    },
    manualAgents: manualAgentsOf(trace),
    recordView: routing.recordView,
  });

  const answerDelayMs = Math.round(config.answerDelaySec * 1000);
  const priorities = new Map<string, number>();
  const apply = (e: TraceEvent): void => {
    const c = sim.center;
    switch (e.type) {
      case 'contact.arrive': {
        const place = routing.placeOf(e.queue, e.priority);
        priorities.set(e.id, e.priority);
        sim.arrive({
          id: e.id,
          queueId: place.queueId,
          priority: place.priority,
          // A trace marks calls the center returns; the engine has a channel for them.
          channel: e.callback === true && e.channel === 'voice' ? 'callback' : e.channel,
          handleMs: Math.round(e.handleSeconds * 1000),
          patienceMs: e.patienceSeconds === null ? Infinity : Math.round(e.patienceSeconds * 1000),
          choosesCallback: false,
          answerDelayMs,
          ...(e.customerId !== undefined ? { customerId: e.customerId } : {}),
          ...(e.preferredAgent !== undefined ? { preferredAgentId: e.preferredAgent } : {}),
        });
        return;
      }
      case 'contact.hangup':
        return sim.command(e.type, () => sim.hangUp(e.contact));
      case 'agent.login':
        return sim.command(e.type, () => c.login(e.agent));
      case 'agent.ready':
        return sim.command(e.type, () => c.ready(e.agent));
      case 'agent.not_ready':
        return sim.command(e.type, () => c.notReady(e.agent, e.reason));
      case 'agent.logout':
        return sim.command(e.type, () => c.logout(e.agent));
      case 'agent.accept':
        return sim.command(e.type, () => c.accept(e.agent, e.contact));
      case 'agent.decline':
        return sim.command(e.type, () => c.decline(e.agent, e.contact));
      case 'supervisor.move':
        return sim.command(e.type, () => c.moveToPosition(e.contact, e.position - 1));
      case 'supervisor.priority':
        return sim.command(e.type, () => c.setPriority(e.contact, routing.priorityOf(e.priority)));
      case 'supervisor.assign':
        return sim.command(e.type, () => c.assign(e.contact, e.agent));
      case 'supervisor.transfer_queue': {
        const place = routing.placeOf(e.queue, priorities.get(e.contact) ?? 0);
        return sim.command(e.type, () => c.moveToQueue(e.contact, place.queueId));
      }
    }
  };

  for (const e of trace.events) sim.at(startMs + Math.round(e.t * 1000), () => apply(e));
  const lastT = trace.events.at(-1)?.t ?? 0;
  return sim.finish(startMs + Math.round(lastT * 1000));
}

/** Agents the trace accepts for: they answer only when it says so. */
function manualAgentsOf(trace: Trace): Set<string> {
  const manual = new Set<string>();
  for (const e of trace.events) if (e.type === 'agent.accept') manual.add(e.agent);
  return manual;
}

/** The configured center, completed with the trace's queues and agents. */
function centerFor(trace: Trace, given: Record<string, unknown> | undefined): CenterConfig {
  const input = given ?? {};
  const queues = Array.isArray(input['queues']) ? (input['queues'] as { id?: unknown }[]) : [];
  const agents = Array.isArray(input['agents']) ? (input['agents'] as { id?: unknown }[]) : [];
  const knownQueues = new Set(queues.map((q) => q.id));
  const knownAgents = new Set(agents.map((a) => a.id));

  const served = new Map<string, Set<string>>();
  const seen = (agent: string) => served.get(agent) ?? served.set(agent, new Set()).get(agent)!;
  for (const e of trace.events) {
    if (e.type === 'agent.login') e.queues.forEach((q) => seen(e.agent).add(q));
    else if ('agent' in e) seen(e.agent);
    else if (e.type === 'contact.arrive' && e.preferredAgent !== undefined) seen(e.preferredAgent);
  }

  return parseConfig({
    ...input,
    queues: [
      ...queues,
      ...trace.header.queues.filter((id) => !knownQueues.has(id)).map((id) => ({ id, wrapUpSec: 0 })),
    ],
    agents: [
      ...agents,
      ...[...served]
        .filter(([id]) => !knownAgents.has(id))
        .map(([id, queues]) => ({
          id,
          name: id,
          queues: queues.size > 0 ? [...queues].sort() : trace.header.queues,
        })),
    ],
  });
}
