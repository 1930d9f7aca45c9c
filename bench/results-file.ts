/**
 * Keeps a run's result in the repository: `bench/results/<date>-<mode>.json`
 * for the record, and `latest-<mode>.json` for the newest of each mode.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from './child-process.js';
import type { BenchResult } from './run-bench.js';

export const resultsDir = join(repoRoot, 'bench', 'results');

/** Writes both files; returns their paths. */
export async function writeResults(result: BenchResult, table: string): Promise<string[]> {
  await mkdir(resultsDir, { recursive: true });
  const stamp = result.startedAt.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const text = `${JSON.stringify({ ...result, table: table.split('\n') }, null, 2)}\n`;
  const paths = [
    join(resultsDir, `${stamp}-${result.mode}.json`),
    join(resultsDir, `latest-${result.mode}.json`),
  ];
  for (const path of paths) await writeFile(path, text);
  return paths;
}
