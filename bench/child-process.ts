/**
 * Runs a TypeScript file of bench/ in a child Node process (through tsx),
 * reading its stdout line by line as it comes, and kills it if it outlives
 * its time budget. Parts run this way so that each has a fresh heap, can
 * be given `--expose-gc`, and cannot hold up the whole run.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface ChildOptions {
  /** Killed after this many milliseconds. */
  budgetMs: number;
  /** Node flags placed before the script, e.g. `--expose-gc`. */
  nodeFlags?: string[];
  /** Each line of stdout, as it arrives. */
  onLine?: (line: string) => void;
}

export interface ChildOutcome {
  /** Null when the child was killed (see `timedOut`). */
  exitCode: number | null;
  timedOut: boolean;
  /** The end of stderr, for a failure's report. */
  stderrTail: string;
}

/** Runs `bench/<script>` with these arguments; never rejects for its exit. */
export function runTsChild(
  script: string,
  args: readonly string[],
  options: ChildOptions,
): Promise<ChildOutcome> {
  const child = spawn(
    process.execPath,
    [...(options.nodeFlags ?? []), '--import', 'tsx', join(repoRoot, 'bench', script), ...args],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  let timedOut = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => options.onLine?.(line));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.budgetMs);

  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, timedOut, stderrTail: stderr.trim() });
    });
  });
}
