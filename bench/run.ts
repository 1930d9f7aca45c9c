/**
 * `npm run bench [-- --quick] [-- --only routing,memory]`: runs the
 * benchmarks, prints one table and keeps the result in bench/results/.
 * Nothing fails on timing; the exit code is non-zero only if a part broke.
 */
import { relative } from 'node:path';
import { repoRoot } from './child-process.js';
import type { PartName } from './measurement.js';
import { plans, type BenchMode } from './plan.js';
import { writeResults } from './results-file.js';
import { resultsTable } from './results-table.js';
import { partOrder, runBench } from './run-bench.js';

function parseArgs(argv: readonly string[]): { mode: BenchMode; only?: PartName[] } {
  const mode: BenchMode = argv.includes('--quick')
    ? 'quick'
    : argv.includes('--tiny')
      ? 'tiny'
      : 'full';
  const onlyAt = argv.indexOf('--only');
  if (onlyAt === -1) return { mode };
  const only = (argv[onlyAt + 1] ?? '').split(',') as PartName[];
  const unknown = only.filter((p) => !partOrder.includes(p));
  if (unknown.length > 0) {
    throw new Error(`--only takes ${partOrder.join(',')}; unknown: ${unknown.join(',')}`);
  }
  return { mode, only };
}

async function main(): Promise<void> {
  const { mode, only } = parseArgs(process.argv.slice(2));
  const plan = plans[mode];
  process.stderr.write(`bench: ${mode} mode, seed ${plan.seed}\n`);

  const result = await runBench(plan, {
    ...(only ? { only } : {}),
    onPart: (part) => process.stderr.write(`bench: ${part}…\n`),
  });
  const table = resultsTable(result);
  process.stdout.write(`${table}\n`);
  const paths = await writeResults(result, table);
  process.stdout.write(`\nwritten: ${paths.map((p) => relative(repoRoot, p)).join(', ')}\n`);

  const broken = result.notes.filter((n) => /^(failed|exited)/.test(n.text));
  if (broken.length > 0) process.exitCode = 1;
}

await main();
