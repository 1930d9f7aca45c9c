/**
 * Runs every part of a plan, one after the other, each in its own child
 * process with a fresh heap, forced GC available and a hard time budget,
 * and gathers what they reported into one result.
 */
import { cpus, loadavg } from 'node:os';
import { runTsChild } from './child-process.js';
import type { Measurement, Note, PartName } from './measurement.js';
import { parsePartLine } from './part-output.js';
import type { BenchPlan } from './plan.js';

export interface BenchResult {
  mode: BenchPlan['mode'];
  seed: number;
  startedAt: string;
  wallSec: number;
  environment: {
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    /** One-minute load average at the start and end: other work on the machine. */
    loadStart: number;
    loadEnd: number;
  };
  plan: BenchPlan;
  measurements: Measurement[];
  notes: Note[];
}

export const partOrder: readonly PartName[] = ['simulation', 'routing', 'live', 'memory'];

/** Past its own budget a part gets this long to finish before it is killed. */
const graceMs = 20_000;

export interface RunBenchOptions {
  /** Runs only these parts. */
  only?: readonly PartName[];
  /** Called as each part starts, e.g. for a progress line. */
  onPart?: (part: PartName) => void;
}

export async function runBench(
  plan: BenchPlan,
  options: RunBenchOptions = {},
): Promise<BenchResult> {
  const started = new Date();
  const loadStart = loadavg()[0]!;
  const measurements: Measurement[] = [];
  const notes: Note[] = [];

  for (const part of partOrder) {
    if (options.only && !options.only.includes(part)) continue;
    options.onPart?.(part);
    const outcome = await runTsChild('part-main.ts', [part, JSON.stringify(plan)], {
      budgetMs: plan[part].budgetMs + graceMs,
      nodeFlags: ['--expose-gc', '--max-old-space-size=8192'],
      onLine(text) {
        const line = parsePartLine(text);
        if (line?.kind === 'measurement') measurements.push(line.measurement);
        if (line?.kind === 'note') notes.push(line.note);
      },
    });
    if (outcome.timedOut) {
      notes.push({ part, text: 'stopped at its time budget: results for it are partial' });
    } else if (outcome.exitCode !== 0) {
      notes.push({
        part,
        text: `exited with ${outcome.exitCode}: ${lastLine(outcome.stderrTail)}`,
      });
    }
  }

  return {
    mode: plan.mode,
    seed: plan.seed,
    startedAt: started.toISOString(),
    wallSec: Math.round((Date.now() - started.getTime()) / 100) / 10,
    environment: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadStart: round(loadStart),
      loadEnd: round(loadavg()[0]!),
    },
    plan,
    measurements,
    notes,
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .at(-1) ?? '(no output)'
  );
}
