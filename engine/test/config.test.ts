import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfig } from '../config.js';

describe('center configuration', () => {
  it('loads the same configuration from YAML and JSON, with defaults filled in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const yaml = join(dir, 'center.yaml');
    const json = join(dir, 'center.json');
    writeFileSync(
      yaml,
      'queues:\n  - id: billing\n    strategy: round-robin\nagents:\n  - id: a1\n    name: Ann\n    skills: { billing: 4 }\n',
    );
    writeFileSync(
      json,
      JSON.stringify({
        queues: [{ id: 'billing', strategy: 'round-robin' }],
        agents: [{ id: 'a1', name: 'Ann', skills: { billing: 4 } }],
      }),
    );

    const fromYaml = loadConfigFile(yaml);

    expect(fromYaml).toEqual(loadConfigFile(json));
    expect(fromYaml.queues[0]).toMatchObject({
      strategy: 'round-robin',
      ringTimeoutSec: 20,
      wrapUpSec: 30,
      priority: 0,
    });
    expect(fromYaml.agents[0]).toMatchObject({ capacity: 1, skills: { billing: 4 } });
  });

  it('names every bad path in one line', () => {
    const bad = {
      queues: [{ id: 'q', overflowTo: 'missing', strategy: 'fastest' }],
      agents: [{ id: 'a1', name: 'Ann', skills: { q: 9 } }],
    };

    expect(() => parseConfig(bad)).toThrow(
      /^invalid configuration: .*queues\.0\.strategy: .*agents\.0\.skills\.q: .*$/,
    );
  });

  it('refuses an overflow target that is not a queue and duplicate ids', () => {
    const bad = { queues: [{ id: 'q', overflowTo: 'nowhere' }, { id: 'q' }] };

    expect(() => parseConfig(bad)).toThrow(
      /queues\.1\.id: duplicate id q; queues\.0\.overflowTo: unknown queue nowhere/,
    );
  });
});
