/**
 * Same scenario and seed, same bytes: the JSON result and the terminal
 * table of two runs are identical, and another seed changes them.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/run-scenario.js';
import { loadScenarioFile } from '../../sim/scenario.js';
import { resultToJson } from '../../sim/simulation-result.js';
import { summaryTable } from '../../sim/summary-table.js';

const scenario = loadScenarioFile('sim/examples/small.json');

function output(seed: number): { json: string; table: string } {
  const result = runScenario(scenario, { seed });
  return {
    json: resultToJson(result, { source: 'small.json' }),
    table: summaryTable(result, { title: 'small', utcOffsetMinutes: 0 }),
  };
}

describe('a scenario run', () => {
  it('gives byte-identical JSON and table for the same seed', () => {
    const first = output(7);

    const second = output(7);

    expect(second.json).toBe(first.json);
    expect(second.table).toBe(first.table);
    expect(first.table).toContain('seed 7');
  });

  it('gives other output for another seed', () => {
    const first = output(7);

    const other = output(8);

    expect(other.json).not.toBe(first.json);
    expect(other.table).not.toBe(first.table);
    expect(other.table).toContain('seed 8');
  });

  it('writes interval rows with the engine metrics and every contact record', () => {
    const result = runScenario(scenario, { seed: 7 });

    const document = JSON.parse(resultToJson(result)) as {
      seed: number;
      intervals: { queueId: string | null; agentId: string | null; metrics: { offered: number } }[];
      contacts: unknown[];
    };

    const center = document.intervals.filter((r) => r.queueId === null && r.agentId === null);
    expect(document.seed).toBe(7);
    expect(center.reduce((sum, r) => sum + r.metrics.offered, 0)).toBe(result.arrivals);
    expect(document.contacts).toHaveLength(result.arrivals);
  });
});
