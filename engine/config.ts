/**
 * The center's configuration: skills, queues and agents, validated with zod.
 * Loaded from a JSON or YAML file, or passed in by tests and the simulator.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { strategyNames } from './routing/strategies/index.js';

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');
const Seconds = z
  .number()
  .min(0)
  .max(7 * 24 * 3600);
const Proficiency = z.number().int().min(1).max(5);

export const SkillRequirement = z.object({
  skill: Id,
  /** The lowest proficiency an agent needs to take the queue's contacts. */
  minProficiency: Proficiency.default(1),
});

export const QueueConfig = z.object({
  id: Id,
  name: z.string().min(1).max(200).optional(),
  /** How the customer page offers this queue as a topic; queues without one are not offered. */
  topic: z.string().min(1).max(200).optional(),
  skills: z.array(SkillRequirement).default([]),
  strategy: z.enum(strategyNames).default('longest-idle'),
  ringTimeoutSec: Seconds.default(20),
  wrapUpSec: Seconds.default(30),
  /** Waiting longer than this (from first entry) overflows the contact. */
  maxWaitSec: Seconds.optional(),
  overflowTo: Id.optional(),
  /** Higher is served first, across the queues an agent serves. */
  priority: z.number().int().min(-100).max(100).default(0),
  /** A head start: contacts rank as if they had waited this much longer. */
  waitBonusSec: Seconds.default(0),
  /** While this window is open a decliner is not offered the contact again. */
  declineWindowSec: Seconds.default(30),
  /** How long a contact waits for its preferred agent before the queue. */
  preferenceWindowSec: Seconds.default(0),
  /** After waiting this long, the required proficiency drops to `to`. */
  escalation: z.array(z.object({ afterSec: Seconds, minProficiency: Proficiency })).default([]),
});
export type QueueConfig = z.infer<typeof QueueConfig>;

export const AgentConfig = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  /** Skill name to proficiency, 1 (novice) to 5 (expert). */
  skills: z.record(Id, Proficiency).default({}),
  /** Concurrent contacts (chats); a voice contact takes the whole agent. */
  capacity: z.number().int().min(1).max(20).default(1),
  /** Queues served; absent means every queue whose skills the agent has. */
  queues: z.array(Id).optional(),
});
export type AgentConfig = z.infer<typeof AgentConfig>;

export const CenterConfig = z
  .object({
    skills: z.array(Id).default([]),
    queues: z.array(QueueConfig).min(1),
    agents: z.array(AgentConfig).default([]),
    /** Consecutive missed offers before an agent is made not ready. */
    maxMissedOffers: z.number().int().min(1).max(100).default(2),
  })
  .superRefine(checkReferences);
export type CenterConfig = z.infer<typeof CenterConfig>;
export type CenterConfigInput = z.input<typeof CenterConfig>;

function checkReferences(
  config: {
    skills: string[];
    queues: { id: string; overflowTo?: string | undefined; skills: { skill: string }[] }[];
    agents: { id: string; skills: Record<string, number>; queues?: string[] | undefined }[];
  },
  ctx: z.RefinementCtx,
): void {
  const queueIds = new Set(config.queues.map((q) => q.id));
  const skills = new Set(config.skills);
  const duplicate = (ids: string[], path: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) {
        ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id ${id}` });
      }
      seen.add(id);
    });
  };
  duplicate(
    config.queues.map((q) => q.id),
    'queues',
  );
  duplicate(
    config.agents.map((a) => a.id),
    'agents',
  );

  config.queues.forEach((q, i) => {
    if (q.overflowTo !== undefined && !queueIds.has(q.overflowTo)) {
      ctx.addIssue({
        code: 'custom',
        path: ['queues', i, 'overflowTo'],
        message: `unknown queue ${q.overflowTo}`,
      });
    }
    q.skills.forEach((s, j) => {
      if (skills.size > 0 && !skills.has(s.skill)) {
        ctx.addIssue({
          code: 'custom',
          path: ['queues', i, 'skills', j, 'skill'],
          message: `unknown skill ${s.skill}`,
        });
      }
    });
  });
  config.agents.forEach((a, i) => {
    a.queues?.forEach((q, j) => {
      if (!queueIds.has(q)) {
        ctx.addIssue({
          code: 'custom',
          path: ['agents', i, 'queues', j],
          message: `unknown queue ${q}`,
        });
      }
    });
    for (const s of Object.keys(a.skills)) {
      if (skills.size > 0 && !skills.has(s)) {
        ctx.addIssue({
          code: 'custom',
          path: ['agents', i, 'skills', s],
          message: `unknown skill ${s}`,
        });
      }
    }
  });
}

/** Validates a configuration, throwing a one-line error naming each path. */
export function parseConfig(input: unknown): CenterConfig {
  const result = CenterConfig.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues
      .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new Error(`invalid configuration: ${issues}`);
  }
  return result.data;
}

/** Reads a configuration from a .json, .yaml or .yml file. */
export function loadConfigFile(path: string): CenterConfig {
  const text = readFileSync(path, 'utf8');
  const data: unknown = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  return parseConfig(data);
}
