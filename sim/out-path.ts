/**
 * `--out` is checked before a run, not after it: a folder that does not
 * exist would otherwise throw away minutes of simulation.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Why `path` cannot be written, or null when its folder is there. */
export function outPathProblem(path: string): string | null {
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) return `--out ${path}: the folder ${folder} does not exist`;
  if (!statSync(folder).isDirectory()) return `--out ${path}: ${folder} is not a folder`;
  if (existsSync(path) && statSync(path).isDirectory()) return `--out ${path}: that is a folder`;
  return null;
}
