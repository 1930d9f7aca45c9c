/**
 * Routing cost as the center grows: the median time of one routing
 * decision at each center size, and its ratio to the smallest size, timed
 * in one process.
 *
 * Agents side: a contact arrives and is offered to the best of A free
 * agents. Nothing waits then, by construction: the engine never leaves a
 * free agent next to a contact it could take. Contacts side: one of A busy
 * agents frees up and is offered the best of W waiting contacts.
 *
 * The smallest size is timed first and again after the largest; the
 * largest size is held against the mean of the two, so a change in the
 * machine's load during the run does not pass for growth.
 */
import { Deadline } from '../deadline.js';
import { measurement, type Measurement, type Quantity } from '../measurement.js';
import type { PartOutput } from '../part-output.js';
import type { BenchPlan } from '../plan.js';
import { RoutingCenter } from './routing-center.js';
import { expectedMs, timeCenterSize, type SetupCosts, type SizeTimes } from './time-center-size.js';

/** The goal: at 100,000 agents, at most twice the cost at 100. */
const targetAgents = 100_000;
const targetFactor = 2;

export function routingPart(plan: BenchPlan, out: PartOutput): void {
  const { agents, waiting, decisions, budgetMs } = plan.routing;
  const deadline = new Deadline(budgetMs);
  const costs: SetupCosts = { msPerAgent: 0.3, msPerContact: 0.3 };
  const time = (a: number) => timeCenterSize(a, waiting, decisions, plan.seed, deadline, costs);
  warmUp(plan.seed);

  const smallest = time(agents[0]!);
  const base = baselines(smallest, null);
  const smallestAgents = agents[0]!;
  rows(smallest, { base, smallestAgents }).forEach((m) => out.measure(m));
  noteSkipped(out, smallest);

  for (const a of agents.slice(1)) {
    const maxWaiting = waiting.at(-1) ?? 0;
    if (!deadline.allows(expectedMs(a, maxWaiting, costs))) {
      out.note('routing', `${fmt(a)} agents and up skipped: over the time budget`);
      break;
    }
    const times = time(a);
    noteSkipped(out, times);
    if (a !== agents.at(-1) || !deadline.allows(expectedMs(agents[0]!, maxWaiting, costs))) {
      rows(times, { base, smallestAgents }).forEach((m) => out.measure(m));
      continue;
    }
    const again = time(smallestAgents);
    const suffix = ' (again, after the largest)';
    rows(again, { base, smallestAgents, suffix }).forEach((m) => out.measure(m));
    const bracket = { smallest, again };
    const bracketed = baselines(smallest, again);
    rows(times, { base: bracketed, bracket, smallestAgents }).forEach((m) => out.measure(m));
  }
  if (!agents.includes(targetAgents)) {
    out.note(
      'routing',
      `this mode stops at ${fmt(agents.at(-1)!)} agents: the 100,000-agent target is measured by the full run`,
    );
  }
}

interface Baselines {
  arrival: Quantity;
  release: Quantity | null;
}

/** The smallest size's times, or their mean with its second timing. */
function baselines(first: SizeTimes, again: SizeTimes | null): Baselines {
  const both = again ? ' (first/last mean)' : '';
  const w0 = [...first.release.keys()][0];
  const releaseUs = w0 === undefined ? undefined : meanOf(first, again, w0);
  return {
    arrival: {
      label: `${fmt(first.agents)} agents${both}`,
      value: meanOf(first, again, null)!,
      unit: 'µs/decision',
    },
    release:
      releaseUs === undefined
        ? null
        : {
            label: `${fmt(first.agents)} agents, ${fmt(w0!)} waiting${both}`,
            value: releaseUs,
            unit: 'µs/decision',
          },
  };
}

/** The smallest size's median at `w` waiting (null: arrivals), averaged. */
function meanOf(first: SizeTimes, again: SizeTimes | null, w: number | null): number | undefined {
  const pick = (s: SizeTimes) => (w === null ? s.arrival : s.release.get(w))?.medianUs;
  const a = pick(first);
  const b = again ? pick(again) : undefined;
  return a === undefined ? undefined : b === undefined ? a : (a + b) / 2;
}

interface RowOptions {
  base: Baselines;
  /** For the largest size: both timings of the smallest, for its target. */
  bracket?: { smallest: SizeTimes; again: SizeTimes };
  /** Agents of the smallest size, for the log bound. */
  smallestAgents: number;
  suffix?: string;
}

function rows(s: SizeTimes, options: RowOptions): Measurement[] {
  const { base, bracket, smallestAgents, suffix = '' } = options;
  const a = s.agents;
  const target = (us: number, w: number | null) => {
    if (a !== targetAgents || bracket === undefined) return null;
    const at100 = meanOf(bracket.smallest, bracket.again, w);
    if (at100 === undefined) return null;
    const factor = us / at100;
    return {
      text: `≤ ${targetFactor} × at ${fmt(bracket.smallest.agents)} agents (is ${factor.toFixed(2)} ×)`,
      met: factor <= targetFactor,
    };
  };
  const id = suffix ? `.again` : '';
  const list = [
    measurement(
      'routing',
      `routing.arrival.${a}${id}`,
      {
        label: `contact arrives → best of ${fmt(a)} free agents${suffix}`,
        value: s.arrival.medianUs,
        unit: 'µs/decision',
      },
      {
        baseline: base.arrival,
        target: target(s.arrival.medianUs, null),
        details: {
          ...s.arrival.details,
          agents: a,
          logBound: logBound(a, smallestAgents),
        },
      },
    ),
  ];
  for (const [w, t] of s.release) {
    list.push(
      measurement(
        'routing',
        `routing.release.${a}.${w}${id}`,
        {
          label: `agent frees → best of ${fmt(w)} waiting, ${fmt(a)} agents${suffix}`,
          value: t.medianUs,
          unit: 'µs/decision',
        },
        {
          baseline: base.release,
          target: target(t.medianUs, w),
          details: { ...t.details, agents: a, waiting: w },
        },
      ),
    );
  }
  return list;
}

function noteSkipped(out: PartOutput, s: SizeTimes): void {
  if (s.skipped.length === 0) return;
  const list = s.skipped.map(fmt).join(', ');
  out.note('routing', `${fmt(s.agents)} agents with ${list} waiting skipped: over the time budget`);
}

/** The ratio a cost growing like log n would show between these sizes. */
function logBound(size: number, smallest: number): number {
  return Math.round((Math.log2(size) / Math.log2(smallest)) * 100) / 100;
}

/** Brings the engine's hot paths to compiled code before anything is timed. */
function warmUp(seed: number): void {
  const rc = new RoutingCenter(100, seed);
  rc.readyAll();
  for (let i = 0; i < 3_000; i++) rc.timeArrival();
  rc.occupyAll();
  rc.fillWaiting(100);
  for (let i = 0; i < 3_000; i++) rc.timeRelease(rc.agentIds[i % 100]!);
  rc.center.stop();
}

function fmt(n: number): string {
  return n.toLocaleString('en');
}
