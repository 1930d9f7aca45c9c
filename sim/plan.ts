/**
 * Capacity planning: per interval and per agent group, the fewest agents
 * whose simulated service level meets the target. Erlang (C, or A when
 * callers abandon) gives the starting count; simulation replications of
 * that interval, through the engine, then confirm it or search up or down
 * one agent at a time.
 *
 * Each interval is planned on its own, as if its traffic had gone on
 * steadily: a replication runs one warm-up interval and measures the next
 * at the same rate (the usual stationary-interval approximation; a backlog
 * carried over from a busier interval is not seen). Replications use the
 * same seeds at every count, so counts are compared on the same callers.
 */
import { stats, type QueueConfig } from '../engine/index.js';
import { meanConfidence, type MeanEstimate } from './confidence.js';
import { meanOf } from './distributions.js';
import { seedOf, runScenario } from './run-scenario.js';
import {
  intervalCount,
  ScenarioError,
  startMsOf,
  valueAt,
  type AgentGroup,
  type QueueTraffic,
  type Scenario,
} from './scenario.js';
import { totalOf } from './simulation-result.js';
import { minAgentsForServiceLevel } from './staffing.js';

export interface PlanOptions {
  /** Fraction answered within the threshold, e.g. 0.8. */
  targetServiceLevel: number;
  thresholdSec: number;
  /** Replications per tried count; default 10. */
  replications?: number;
  /** Default the scenario's seed, else 1. */
  seed?: number;
  /** Confidence level of the reported interval; default 0.95. */
  confidence?: number;
  /** Called after each replication, with replications run so far. */
  onReplication?: (done: number) => void;
}

export interface StaffingTry {
  agents: number;
  serviceLevel: MeanEstimate;
}

export interface IntervalPlan {
  interval: number;
  startMs: number;
  groupId: string;
  queues: string[];
  /** Expected arrivals in the interval, all the group's queues together. */
  arrivals: number;
  /** Mean handle time including wrap-up, seconds. */
  ahtSec: number;
  /** Agents the scenario's shifts have in this interval. */
  scheduled: number;
  erlangAgents: number;
  /** The fewest agents whose mean simulated service level meets the target. */
  agents: number;
  /** Its service level over the replications; null with no traffic. */
  serviceLevel: MeanEstimate | null;
  tries: StaffingTry[];
}

export interface StaffingPlan {
  seed: number;
  replications: number;
  targetServiceLevel: number;
  thresholdSec: number;
  intervals: IntervalPlan[];
}

/** Beyond this many agents over the Erlang count the search gives up. */
const MAX_EXTRA_AGENTS = 50;

export function planStaffing(scenario: Scenario, options: PlanOptions): StaffingPlan {
  const replications = options.replications ?? 10;
  const seed = seedOf(scenario, options);
  const served = queuesByGroup(scenario);
  const intervalSec = scenario.intervalMinutes * 60;
  let done = 0;

  const cache = new Map<string, StaffingTry>();
  const evaluate = (group: AgentGroup, traffic: QueueTraffic[], interval: number, agents: number): StaffingTry => {
    const rates = traffic.map((t) => valueAt(t.arrivals, interval));
    const key = JSON.stringify([group.id, rates, agents]);
    const cached = cache.get(key);
    if (cached) return cached;

    const values: number[] = [];
    for (let r = 0; r < replications; r++) {
      const sub = intervalScenario(scenario, group, traffic, rates, agents, options.thresholdSec);
      const result = runScenario(sub, { seed: (seed + r * 7_919) % 0x1_0000_0000 });
      const measured = totalOf(result, {}, result.startMs + intervalSec * 1000, result.horizonMs);
      // No caller in the measured interval: nothing was missed.
      values.push(stats.metricsFrom(measured).serviceLevel.value ?? 1);
      done += 1;
      options.onReplication?.(done);
    }
    const found = { agents, serviceLevel: meanConfidence(values, options.confidence ?? 0.95) };
    cache.set(key, found);
    return found;
  };

  const intervals: IntervalPlan[] = [];
  for (let k = 0; k < intervalCount(scenario); k++) {
    for (const [group, traffic] of served) {
      const load = loadOf(scenario, traffic, k);
      const base = {
        interval: k,
        startMs: startMsOf(scenario) + k * intervalSec * 1000,
        groupId: group.id,
        queues: traffic.map((t) => t.queue),
        arrivals: load.arrivals,
        ahtSec: load.ahtSec,
        scheduled: scenario.shifts[group.id] ? valueAt(scenario.shifts[group.id]!, k) : group.count,
      };
      if (load.arrivals === 0) {
        intervals.push({ ...base, erlangAgents: 0, agents: 0, serviceLevel: null, tries: [] });
        continue;
      }

      const erlangAgents = minAgentsForServiceLevel(
        load.arrivals / intervalSec,
        load.ahtSec,
        options.targetServiceLevel,
        options.thresholdSec,
        load.patienceSec,
      );
      const tries: StaffingTry[] = [];
      const meets = (n: number) => {
        const t = evaluate(group, traffic, k, n);
        tries.push(t);
        return t.serviceLevel.mean >= options.targetServiceLevel;
      };
      let agents = Math.max(1, erlangAgents);
      if (meets(agents)) {
        while (agents > 1 && meets(agents - 1)) agents -= 1;
      } else {
        do {
          agents += 1;
          if (agents > erlangAgents + MAX_EXTRA_AGENTS) {
            const most = agents - 1;
            throw new Error(`no staffing up to ${most} agents meets the target for group ${group.id} in interval ${k}`);
          }
        } while (!meets(agents));
      }
      const chosen = tries.find((t) => t.agents === agents)!;
      tries.sort((a, b) => a.agents - b.agents);
      intervals.push({ ...base, erlangAgents, agents, serviceLevel: chosen.serviceLevel, tries });
    }
  }

  return {
    seed,
    replications,
    targetServiceLevel: options.targetServiceLevel,
    thresholdSec: options.thresholdSec,
    intervals,
  };
}

/**
 * Each group with the traffic of the queues it serves. Planning needs
 * every queue with traffic served by exactly one group: a queue shared by
 * two groups would need a split of its load that the plan cannot choose.
 */
function queuesByGroup(scenario: Scenario): [AgentGroup, QueueTraffic[]][] {
  const byGroup = new Map<AgentGroup, QueueTraffic[]>();
  for (const traffic of scenario.traffic) {
    const queue = scenario.center.queues.find((q) => q.id === traffic.queue)!;
    const groups = scenario.center.groups.filter((g) => serves(g, queue));
    if (groups.length !== 1) {
      const who = groups.length === 0 ? 'no group' : `groups ${groups.map((g) => g.id).join(', ')}`;
      throw new ScenarioError('plan', [
        `traffic queue ${queue.id}: planning needs exactly one group serving each queue; it is served by ${who}`,
      ]);
    }
    byGroup.set(groups[0]!, [...(byGroup.get(groups[0]!) ?? []), traffic]);
  }
  return [...byGroup];
}

function serves(group: AgentGroup, queue: QueueConfig): boolean {
  if (group.queues) return group.queues.includes(queue.id);
  return queue.skills.every((s) => (group.skills[s.skill] ?? 0) >= s.minProficiency);
}

/** The interval's load for Erlang: arrivals, AHT with wrap-up, patience. */
function loadOf(scenario: Scenario, traffic: QueueTraffic[], interval: number) {
  let arrivals = 0;
  let work = 0;
  let patienceWeight = 0;
  let patienceSum = 0;
  for (const t of traffic) {
    const n = valueAt(t.arrivals, interval);
    const wrapUp = scenario.center.queues.find((q) => q.id === t.queue)?.wrapUpSec ?? 0;
    arrivals += n;
    work += n * (meanOf(t.handle) + wrapUp);
    const patience = meanOf(t.patience);
    if (Number.isFinite(patience)) {
      patienceWeight += n;
      patienceSum += n * patience;
    }
  }
  return {
    arrivals,
    ahtSec: arrivals > 0 ? work / arrivals : 0,
    // Erlang A needs one mean patience; callers who never give up are left
    // out of it, an approximation the simulation then corrects.
    patienceSec: patienceWeight > 0 ? patienceSum / patienceWeight : undefined,
  };
}

/** One warm-up interval and one measured interval, at a steady rate. */
function intervalScenario(
  scenario: Scenario,
  group: AgentGroup,
  traffic: QueueTraffic[],
  rates: number[],
  agents: number,
  thresholdSec: number,
): Scenario {
  const queueIds = new Set(traffic.map((t) => t.queue));
  return {
    ...scenario,
    intervals: 2,
    thresholds: {
      serviceLevelSec: thresholdSec,
      shortAbandonSec: Math.min(scenario.thresholds.shortAbandonSec, thresholdSec),
    },
    center: {
      ...scenario.center,
      queues: scenario.center.queues
        .filter((q) => queueIds.has(q.id))
        // An overflow to a queue another group serves leaves this plan.
        .map((q) => (q.overflowTo === undefined || queueIds.has(q.overflowTo) ? q : withoutOverflow(q))),
      groups: [{ ...group, count: agents }],
    },
    shifts: {},
    traffic: traffic.map((t, i) => ({ ...t, arrivals: [rates[i]!] })),
  };
}

function withoutOverflow(queue: QueueConfig): QueueConfig {
  const { overflowTo: _to, maxWaitSec: _wait, ...rest } = queue;
  return rest;
}
