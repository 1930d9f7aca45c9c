/**
 * How a trace is replayed: the center's settings (queues, agents), the
 * priority classes, the simulated agents' answer delay and how statistics
 * are cut. Given as a JSON or YAML file to `--config`; a file that is a
 * plain center configuration (it has `queues` at its root) is taken as
 * the `center` part of a replay configuration.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { PriorityClasses } from './priority-classes.js';
import { ScenarioError } from './scenario.js';
import { formatPath } from './trace.js';

export const ReplayConfig = z.strictObject({
  /**
   * Queues' settings and agents, in the engine's format; queues and agents
   * it leaves out are built from the trace. Checked by the engine when the
   * replay builds its center.
   */
  center: z.record(z.string(), z.unknown()).optional(),
  /** Seconds from an offer to the accept, for agents the trace lets answer themselves. */
  answerDelaySec: z.number().min(0).max(3_600).default(0),
  priorities: PriorityClasses.default({}),
  intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(60),
  thresholds: z
    .strictObject({
      serviceLevelSec: z.number().min(0).default(20),
      shortAbandonSec: z.number().min(0).default(5),
    })
    .default({ serviceLevelSec: 20, shortAbandonSec: 5 }),
  /** Seeds the engine's random routing strategy; the replay draws nothing itself. */
  seed: z.int().min(0).max(0xffff_ffff).default(1),
});
export type ReplayConfig = z.output<typeof ReplayConfig>;
export type ReplayConfigInput = z.input<typeof ReplayConfig>;

/**
 * Validates a replay configuration (or one that extends it); throws one
 * line naming each bad path.
 */
export function parseReplayConfig<S extends z.ZodType = typeof ReplayConfig>(
  input: unknown,
  source = 'replay config',
  schema?: S,
): z.output<S> {
  const data = isCenterConfig(input) ? { center: input } : input;
  const result = (schema ?? ReplayConfig).safeParse(data);
  if (!result.success) throw issuesError(source, result.error.issues);
  return result.data as z.output<S>;
}

/** Reads a replay (or plain center) configuration from JSON or YAML. */
export function loadReplayConfigFile<S extends z.ZodType = typeof ReplayConfig>(
  path: string,
  schema?: S,
): z.output<S> {
  return parseReplayConfig(readConfigFile(path), path, schema);
}

/** A JSON or YAML file's data, unchecked; one line naming the file if unreadable. */
export function readConfigFile(path: string): unknown {
  try {
    const text = readFileSync(path, 'utf8');
    return /\.ya?ml$/i.test(path) ? parseYaml(text) : (JSON.parse(text) as unknown);
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
    throw new ScenarioError(path, [`(root): cannot read: ${reason}`]);
  }
}

function isCenterConfig(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'queues' in input;
}

function issuesError(
  source: string,
  issues: readonly z.core.$ZodIssue[],
): ScenarioError {
  return new ScenarioError(
    source,
    issues.map((i) => `${formatPath(i.path) || '(root)'}: ${i.message.replace(/\s+/g, ' ')}`),
  );
}
