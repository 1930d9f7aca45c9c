/**
 * `npm run plan`: the fewest agents per interval and group that meet a
 * service-level target, Erlang first and then confirmed by simulation
 * replications through the engine. The table goes to stdout, a progress
 * bar to stderr (on a terminal only), `--out` writes the plan as JSON.
 *
 *   npm run plan -- scenario.json --target 80/20 [--replications N] [--seed N] [--out plan.json]
 */
import { writeFileSync } from 'node:fs';
import { outPathProblem } from './out-path.js';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { planStaffing } from './plan.js';
import { planTable } from './plan-table.js';
import { progressBar } from './progress.js';
import { intervalCount, loadScenarioFile } from './scenario.js';
import { utcOffsetOf } from './text-table.js';

const usage =
  'usage: npm run plan -- <scenario.json> --target 80/20 [--replications N] [--seed N] [--out plan.json]';

class UsageError extends Error {}

function main(argv: string[]): number {
  const { values, positionals } = parseArguments(argv);
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const outProblem = values.out === undefined ? null : outPathProblem(values.out);
  if (outProblem) throw new UsageError(outProblem);
  if (positionals.length !== 1) throw new UsageError('give one scenario file');
  const target = parseTarget(values.target ?? '80/20');
  const replications = parseInteger('--replications', values.replications ?? '10', 2);
  const seed = values.seed === undefined ? undefined : parseInteger('--seed', values.seed, 0);

  const path = positionals[0]!;
  const scenario = loadScenarioFile(path);
  const progress = progressBar('plan');
  // A first guess at the work: two counts tried per interval and group.
  const guess = intervalCount(scenario) * scenario.center.groups.length * 2 * replications;
  const plan = planStaffing(scenario, {
    targetServiceLevel: target.serviceLevel,
    thresholdSec: target.thresholdSec,
    replications,
    ...(seed === undefined ? {} : { seed }),
    onReplication: (done) => progress.update(done, Math.max(guess, done)),
  });
  progress.stop();

  const title = `plan for ${scenario.name ?? basename(path)}`;
  process.stdout.write(planTable(plan, title, utcOffsetOf(scenario.start)));
  if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(plan)}\n`);
  return 0;
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        replications: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

/** "80/20": 80 % of callers answered within 20 s. */
function parseTarget(text: string): { serviceLevel: number; thresholdSec: number } {
  const m = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(text);
  const percent = Number(m?.[1]);
  if (m === null || !(percent > 0 && percent < 100)) {
    throw new UsageError(`--target must look like 80/20 (percent/seconds), not ${text}`);
  }
  return { serviceLevel: percent / 100, thresholdSec: Number(m[2]) };
}

function parseInteger(flag: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > 0xffff_ffff) {
    throw new UsageError(`${flag} must be an integer from ${min}, not ${text}`);
  }
  return value;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`plan: ${message.replace(/\s+/g, ' ')}\n`);
  if (err instanceof UsageError) process.stderr.write(`${usage}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
