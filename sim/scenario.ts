/**
 * A simulation scenario, as a JSON file: the center (queues and groups of
 * identical agents), the shifts (how many agents of each group are logged
 * in per interval) and the traffic per queue (expected arrivals per
 * interval, handle time, patience, answer delay, callback share).
 *
 * Every per-interval list holds either one value, used for every interval,
 * or one value per interval. A bad file is refused with one line naming
 * the file and the path of each fault, e.g.
 * `small.json: traffic[0].handle.mean: Too small: expected number to be >0`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AgentConfig, Channel, QueueConfig, stats } from '../engine/index.js';
import { Distribution } from './distributions.js';
import { formatPath } from './trace.js';

const Id = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');
const PerInterval = z.array(z.number().min(0)).min(1);
const Counts = z.array(z.int().min(0)).min(1);

export const AgentGroup = z.strictObject({
  id: Id,
  /** How many identical agents; they are named `<id>-1` … `<id>-<count>`. */
  count: z.int().min(0).max(10_000),
  skills: z.record(Id, z.int().min(1).max(5)).default({}),
  capacity: z.int().min(1).max(20).default(1),
  /** Queues served; absent means every queue whose skills they have. */
  queues: z.array(Id).optional(),
});
export type AgentGroup = z.output<typeof AgentGroup>;

export const QueueTraffic = z.strictObject({
  queue: Id,
  /** Expected arrivals in each interval (a Poisson process within it). */
  arrivals: PerInterval,
  /** Talk time once answered, in seconds. */
  handle: Distribution,
  /** How long a caller waits before hanging up; `none` never does. */
  patience: Distribution.default({ kind: 'none' }),
  /** From an offer to the agent's accept, in seconds. */
  answerDelay: Distribution.default({ kind: 'constant', value: 0 }),
  /**
   * Share of callers who, when their patience runs out, ask to be called
   * back (keeping their place) instead of hanging up.
   */
  callbackShare: z.number().min(0).max(1).default(0),
  /** The contacts' priority; absent means the queue's. */
  priority: z.int().min(-100).max(100).optional(),
  channel: Channel.default('voice'),
});
export type QueueTraffic = z.output<typeof QueueTraffic>;

const ScenarioShape = z.strictObject({
  name: z.string().max(200).optional(),
  description: z.string().max(2_000).optional(),
  /** The first interval's start, on an interval boundary (UTC). */
  start: z.iso.datetime({ offset: true }).default('2026-01-05T08:00:00Z'),
  intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(30),
  /** Intervals simulated; default: the longest per-interval list. */
  intervals: z.int().min(1).max(10_000).optional(),
  /** Used when no seed is given on the command line. */
  seed: z.int().min(0).max(0xffff_ffff).optional(),
  thresholds: z
    .strictObject({
      serviceLevelSec: z.number().min(0).default(20),
      shortAbandonSec: z.number().min(0).default(5),
    })
    .default({ serviceLevelSec: 20, shortAbandonSec: 5 }),
  center: z.strictObject({
    skills: z.array(Id).default([]),
    // Strict, so a misspelt setting is refused rather than dropped.
    queues: z.array(QueueConfig.strict()).min(1),
    groups: z.array(AgentGroup).min(1),
    maxMissedOffers: z.int().min(1).max(100).optional(),
  }),
  /** Agents of each group logged in per interval; absent: all of them. */
  shifts: z.record(Id, Counts).default({}),
  traffic: z.array(QueueTraffic).min(1),
});

export const Scenario = ScenarioShape.superRefine(checkScenario);
export type Scenario = z.output<typeof Scenario>;
export type ScenarioInput = z.input<typeof Scenario>;

/** A scenario that cannot be run; the message is one line. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';

  constructor(
    readonly source: string,
    /** Each fault as `path: message`. */
    readonly issues: readonly string[],
  ) {
    super(`${source}: ${issues.join('; ')}`);
  }
}

/** Validates a scenario; throws a ScenarioError naming each bad path. */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  const result = Scenario.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const path = formatPath(issue.path);
      return `${path === '' ? '(root)' : path}: ${oneLine(issue.message)}`;
    });
    throw new ScenarioError(source, issues);
  }
  return result.data;
}

/** Reads and validates a scenario file. */
export function loadScenarioFile(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ScenarioError(path, [`cannot read: ${errorMessage(err)}`]);
  }

  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch (err) {
    throw new ScenarioError(path, [`(root): not valid JSON: ${oneLine(errorMessage(err))}`]);
  }
  return parseScenario(data, path);
}

/** How many intervals the scenario runs. */
export function intervalCount(scenario: Scenario): number {
  return scenario.intervals ?? longestList(scenario);
}

/** The value of a per-interval list in interval `index`. */
export function valueAt(list: readonly number[], index: number): number {
  return list.length === 1 ? list[0]! : (list[index] ?? 0);
}

/** Epoch ms of the scenario's first instant. */
export function startMsOf(scenario: Scenario): number {
  return Date.parse(scenario.start);
}

/** The thresholds, in ms, statistics are cut at. */
export function thresholdsOf(scenario: Scenario): stats.StatsThresholds {
  return {
    serviceLevelMs: Math.round(scenario.thresholds.serviceLevelSec * 1000),
    shortAbandonMs: Math.round(scenario.thresholds.shortAbandonSec * 1000),
  };
}

/** Agent ids of a group, in the order shifts log them in. */
export function groupAgentIds(group: Pick<AgentGroup, 'id' | 'count'>): string[] {
  return Array.from({ length: group.count }, (_, i) => `${group.id}-${i + 1}`);
}

/** The engine configuration: each group expanded into its agents. */
export function centerConfigOf(scenario: Scenario): {
  skills: string[];
  queues: QueueConfig[];
  agents: AgentConfig[];
  maxMissedOffers?: number;
} {
  const { center } = scenario;
  const agents = center.groups.flatMap((group) =>
    groupAgentIds(group).map((id) => ({
      id,
      name: id,
      skills: group.skills,
      capacity: group.capacity,
      ...(group.queues ? { queues: group.queues } : {}),
    })),
  );
  return {
    skills: center.skills,
    queues: center.queues,
    agents,
    ...(center.maxMissedOffers !== undefined ? { maxMissedOffers: center.maxMissedOffers } : {}),
  };
}

type Draft = z.output<typeof ScenarioShape>;

function checkScenario(s: Draft, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const queueIds = new Set(s.center.queues.map((q) => q.id));
  const skills = new Set(s.center.skills);
  const count = s.intervals ?? longestList(s);

  duplicates(s.center.queues.map((q) => q.id)).forEach((i) =>
    issue(['center', 'queues', i, 'id'], 'queue id used twice'),
  );
  duplicates(s.center.groups.map((g) => g.id)).forEach((i) =>
    issue(['center', 'groups', i, 'id'], 'group id used twice'),
  );
  duplicates(s.traffic.map((t) => t.queue)).forEach((i) =>
    issue(['traffic', i, 'queue'], 'queue has traffic twice'),
  );

  s.center.queues.forEach((q, i) => {
    if (q.overflowTo !== undefined && !queueIds.has(q.overflowTo)) {
      issue(['center', 'queues', i, 'overflowTo'], `unknown queue ${q.overflowTo}`);
    }
    q.skills.forEach((r, j) => {
      if (skills.size > 0 && !skills.has(r.skill)) {
        issue(['center', 'queues', i, 'skills', j, 'skill'], `unknown skill ${r.skill}`);
      }
    });
  });
  s.center.groups.forEach((g, i) => {
    g.queues?.forEach((q, j) => {
      if (!queueIds.has(q)) issue(['center', 'groups', i, 'queues', j], `unknown queue ${q}`);
    });
    for (const skill of Object.keys(g.skills)) {
      if (skills.size > 0 && !skills.has(skill)) {
        issue(['center', 'groups', i, 'skills', skill], `unknown skill ${skill}`);
      }
    }
  });
  s.traffic.forEach((t, i) => {
    if (!queueIds.has(t.queue)) issue(['traffic', i, 'queue'], `unknown queue ${t.queue}`);
    checkLength(t.arrivals, count, ['traffic', i, 'arrivals'], issue);
  });
  for (const [groupId, counts] of Object.entries(s.shifts)) {
    const group = s.center.groups.find((g) => g.id === groupId);
    if (!group) {
      issue(['shifts', groupId], `unknown group ${groupId}`);
      continue;
    }
    checkLength(counts, count, ['shifts', groupId], issue);
    counts.forEach((n, k) => {
      if (n > group.count) issue(['shifts', groupId, k], `${n} is more than the group's ${group.count} agents`);
    });
  }

  const start = Date.parse(s.start);
  if (start % (s.intervalMinutes * 60_000) !== 0) {
    issue(['start'], `must fall on a ${s.intervalMinutes}-minute boundary (UTC)`);
  }
  if (s.thresholds.shortAbandonSec > s.thresholds.serviceLevelSec) {
    issue(['thresholds', 'shortAbandonSec'], 'must not exceed serviceLevelSec');
  }
}

function checkLength(
  list: readonly number[],
  count: number,
  path: PropertyKey[],
  issue: (path: PropertyKey[], message: string) => void,
): void {
  if (list.length !== 1 && list.length !== count) {
    issue(path, `has ${list.length} values: give 1 or one per interval (${count})`);
  }
}

function longestList(s: Pick<Draft, 'traffic' | 'shifts'>): number {
  const lengths = [
    ...s.traffic.map((t) => t.arrivals.length),
    ...Object.values(s.shifts).map((c) => c.length),
  ];
  return Math.max(1, ...lengths);
}

/** Indexes of the values that already appeared earlier in the list. */
function duplicates(ids: readonly string[]): number[] {
  return ids.flatMap((id, i) => (ids.indexOf(id) !== i ? [i] : []));
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
