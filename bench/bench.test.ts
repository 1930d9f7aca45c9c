/**
 * Keeps the benchmarks from rotting: runs each part with the tiny plan,
 * exactly as `npm run bench` runs it (child processes and all), and checks
 * that every measurement came out as a finite positive number. Nothing
 * here depends on how fast the machine is.
 */
import { describe, expect, it } from 'vitest';
import type { Measurement, PartName } from './measurement.js';
import { plans } from './plan.js';
import { runBench } from './run-bench.js';

async function runPart(part: PartName): Promise<Measurement[]> {
  const result = await runBench(plans.tiny, { only: [part] });

  const broken = result.notes.filter((n) => /^(failed|exited|stopped)/.test(n.text));
  expect(broken).toEqual([]);
  return result.measurements;
}

function expectPositive(measurements: Measurement[]): void {
  expect(measurements.length).toBeGreaterThan(0);
  for (const m of measurements) {
    const numbers = [m.value, ...(m.baseline ? [m.baseline.value, m.ratio] : [])];
    for (const n of numbers) {
      expect(Number.isFinite(n) && (n as number) > 0, `${m.id}: ${String(n)}`).toBe(true);
    }
  }
}

describe('the benchmarks', () => {
  it('measure simulation speed next to the XState floor', async () => {
    const measurements = await runPart('simulation');

    expectPositive(measurements);
    expect(measurements.every((m) => m.baseline !== null)).toBe(true);
  }, 90_000);

  it('time routing decisions on both sides at every size of the plan', async () => {
    const measurements = await runPart('routing');

    expectPositive(measurements);
    // Every size, and the smallest timed again after the largest.
    const { agents, waiting } = plans.tiny.routing;
    expect(measurements).toHaveLength((agents.length + 1) * (1 + waiting.length));
  }, 90_000);

  it('load the real server and a bare Hono app, and time offers to agent sockets', async () => {
    const measurements = await runPart('live');

    expectPositive(measurements);
    const [rate] = plans.tiny.live.latencyRates;
    expect(measurements.map((m) => m.id)).toEqual([
      'live.create',
      `live.offer-latency.p50.${rate}`,
      `live.offer-latency.p99.${rate}`,
    ]);
  }, 120_000);

  it('weigh a waiting contact and a ready agent next to a bare actor', async () => {
    const measurements = await runPart('memory');

    expectPositive(measurements);
    expect(measurements.map((m) => m.id)).toEqual(['memory.agent', 'memory.waiting-contact']);
  }, 90_000);
});
