/**
 * Child-process entry of one part: `part-main.ts <part> <plan JSON>`.
 * Runs the part and writes its results as lines on stdout (see
 * part-output.ts); a failure becomes a note and a non-zero exit.
 */
import { livePart } from './live/live-part.js';
import type { PartName } from './measurement.js';
import { memoryPart } from './memory/memory-part.js';
import { stdoutOutput, type PartOutput } from './part-output.js';
import type { BenchPlan } from './plan.js';
import { routingPart } from './routing/routing-part.js';
import { simulationPart } from './simulation/simulation-part.js';

const parts: Record<PartName, (plan: BenchPlan, out: PartOutput) => void | Promise<void>> = {
  simulation: simulationPart,
  routing: routingPart,
  live: livePart,
  memory: memoryPart,
};

async function main(): Promise<void> {
  const name = process.argv[2] as PartName;
  const plan = JSON.parse(process.argv[3] ?? 'null') as BenchPlan;
  const part = parts[name];
  if (!part || !plan)
    throw new Error(`usage: part-main.ts <${Object.keys(parts).join('|')}> <plan>`);

  try {
    await part(plan, stdoutOutput);
  } catch (err) {
    stdoutOutput.note(name, `failed: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
}

await main();
// Servers and sockets the part closed may leave handles a moment longer.
process.exit(0);
