/**
 * Scenario files: what a valid one expands to, and how a bad one is
 * refused (one line, naming the file and each faulty path).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  centerConfigOf,
  intervalCount,
  loadScenarioFile,
  parseScenario,
  ScenarioError,
  type ScenarioInput,
} from './scenario.js';

const valid: ScenarioInput = {
  center: {
    queues: [{ id: 'sales' }],
    groups: [{ id: 'team', count: 3, queues: ['sales'] }],
  },
  shifts: { team: [1, 3] },
  traffic: [{ queue: 'sales', arrivals: [10], handle: { kind: 'exponential', mean: 60 } }],
};

function refusal(input: unknown): ScenarioError {
  try {
    parseScenario(input, 'bad.json');
  } catch (err) {
    if (err instanceof ScenarioError) return err;
    throw err;
  }
  throw new Error('parseScenario accepted the scenario');
}

function writeTemp(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'scenario-')), name);
  writeFileSync(path, text);
  return path;
}

describe('parseScenario', () => {
  it('expands each group into named agents and fills the defaults', () => {
    const scenario = parseScenario(valid);

    const config = centerConfigOf(scenario);

    expect(config.agents.map((a) => a.id)).toEqual(['team-1', 'team-2', 'team-3']);
    expect(config.agents[0]).toMatchObject({ capacity: 1, queues: ['sales'] });
    expect(intervalCount(scenario)).toBe(2);
    expect(scenario.traffic[0]!.patience).toEqual({ kind: 'none' });
    expect(scenario.intervalMinutes).toBe(30);
  });

  it('names the path of a bad distribution', () => {
    const input = { ...valid, traffic: [{ ...valid.traffic[0], handle: { kind: 'exponential', mean: -1 } }] };

    const error = refusal(input);

    expect(error.message).toMatch(/^bad\.json: traffic\[0\]\.handle\.mean: /);
    expect(error.message).not.toContain('\n');
  });

  it('names unknown queues, unknown groups and lists of the wrong length, in one line', () => {
    const input = {
      ...valid,
      center: { ...valid.center, groups: [{ id: 'team', count: 3, queues: ['salez'] }] },
      shifts: { team: [1, 2, 3], crew: [1] },
      traffic: [{ ...valid.traffic[0], arrivals: [1, 2] }],
    };

    const error = refusal(input);

    expect(error.issues).toEqual([
      'center.groups[0].queues[0]: unknown queue salez',
      'traffic[0].arrivals: has 2 values: give 1 or one per interval (3)',
      'shifts.crew: unknown group crew',
    ]);
    expect(error.message).toBe(`bad.json: ${error.issues.join('; ')}`);
  });

  it('refuses a misspelt queue setting instead of dropping it', () => {
    const input = { ...valid, center: { ...valid.center, queues: [{ id: 'sales', wrapupSec: 10 }] } };

    expect(refusal(input).message).toContain('center.queues[0]');
  });

  it('refuses more agents on shift than the group has', () => {
    expect(refusal({ ...valid, shifts: { team: [4] } }).message).toContain(
      "shifts.team[0]: 4 is more than the group's 3 agents",
    );
  });
});

describe('loadScenarioFile', () => {
  it('names the file when it is not JSON', () => {
    const path = writeTemp('broken.json', '{ "center": ');

    expect(() => loadScenarioFile(path)).toThrow(new RegExp(`^${path}: \\(root\\): not valid JSON: `));
  });

  it('reads the example scenarios', () => {
    const small = loadScenarioFile('sim/examples/small.json');
    const mmn = loadScenarioFile('sim/examples/mmn.json');

    expect(small.name).toBe('small');
    expect(mmn.traffic[0]!.patience).toEqual({ kind: 'none' });
  });
});
