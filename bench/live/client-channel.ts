/**
 * How a load-generating child process hands its one result back: a single
 * prefixed JSON line on stdout, read by `runClient` in the server process.
 */
import { runTsChild } from '../child-process.js';

const prefix = '@client ';

/** In the child: writes the result line. */
export function reportResult(result: object): void {
  process.stdout.write(`${prefix}${JSON.stringify(result)}\n`);
}

/**
 * In the server process: runs a client script on a separate process (so
 * the load generator does not share the server's event loop or core) and
 * returns what it reported.
 */
export async function runClient<T>(script: string, params: object, budgetMs: number): Promise<T> {
  let result: T | undefined;
  const outcome = await runTsChild(script, [JSON.stringify(params)], {
    budgetMs,
    onLine: (line) => {
      if (line.startsWith(prefix)) result = JSON.parse(line.slice(prefix.length)) as T;
    },
  });
  if (result === undefined) {
    const why = outcome.timedOut ? 'ran out of time' : `exited with ${outcome.exitCode}`;
    throw new Error(`${script} ${why} without a result: ${outcome.stderrTail}`);
  }
  return result;
}
