/**
 * The `sim` and `plan` command lines, run as subprocesses through tsx on
 * tiny inputs: what they print, and how they refuse a bad scenario.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = 'node_modules/.bin/tsx';

function run(script: string, args: string[]) {
  const child = spawnSync(tsx, [script, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sim-cli-')), name);
  writeFileSync(path, content);
  return path;
}

const tiny = JSON.stringify({
  name: 'tiny',
  seed: 5,
  intervals: 2,
  center: { queues: [{ id: 'q', wrapUpSec: 0 }], groups: [{ id: 'a', count: 3 }] },
  traffic: [{ queue: 'q', arrivals: [20], handle: { kind: 'exponential', mean: 120 } }],
});

describe('npm run sim', () => {
  it('prints the seed and a table for a scenario, and writes the JSON result', () => {
    const scenario = tempFile('tiny.json', tiny);
    const out = join(mkdtempSync(join(tmpdir(), 'sim-out-')), 'result.json');

    const { code, stdout, stderr } = run('sim/cli.ts', [scenario, '--out', out]);

    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^scenario tiny \| seed 5 \| 2026-01-05 08:00 to 09:00/);
    expect(stdout).toMatch(/^interval\s+offered\s+answered\s+abandoned/m);
    expect(stdout).toMatch(/^total\s+\d+/m);
    expect(stderr).toMatch(/contacts in [\d.]+ s of wall time/);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { seed: number; contacts: unknown[] };
    expect(result.seed).toBe(5);
    expect(result.contacts.length).toBeGreaterThan(10);
  });

  it('prints the same table twice for the same seed, another for --seed', () => {
    const scenario = tempFile('tiny.json', tiny);

    const [first, second, other] = [[], [], ['--seed', '6']].map((extra) =>
      run('sim/cli.ts', [scenario, ...extra]),
    );

    expect(second!.stdout).toBe(first!.stdout);
    expect(other!.stdout).not.toBe(first!.stdout);
    expect(other!.stdout).toContain('seed 6');
  });

  it('refuses a bad scenario with one line naming the file and the path', () => {
    const bad = JSON.parse(tiny) as { traffic: { handle: object }[] };
    bad.traffic[0]!.handle = { kind: 'lognormal', mean: 100, sd: -1 };
    const scenario = tempFile('bad.json', JSON.stringify(bad));

    const { code, stdout, stderr } = run('sim/cli.ts', [scenario]);

    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${scenario}: traffic[0].handle.sd: `);
  });

  it('replays a trace given with --trace', () => {
    const trace = tempFile(
      't.jsonl',
      [
        '{"type":"trace.header","start":"2026-01-05T09:00:00+01:00","queues":["q"]}',
        '{"type":"agent.login","t":0,"agent":"a1","queues":["q"]}',
        '{"type":"agent.ready","t":0,"agent":"a1"}',
        '{"type":"contact.arrive","t":10,"id":"c1","queue":"q","handleSeconds":30}',
      ].join('\n'),
    );

    const { code, stdout } = run('sim/cli.ts', ['--trace', trace, '--answer-delay', '2']);

    expect(code).toBe(0);
    expect(stdout).toMatch(/^trace t\.jsonl \| seed 1 \| 2026-01-05 09:00 to 09:00 \(\+01:00\)/);
    expect(stdout).toMatch(/^q\s+1\s+1\s+0\s+0\s+100\.0%\s+2\.0\s/m);
  });
});

describe('npm run plan', () => {
  it('prints a staffing line per interval with its confidence interval', () => {
    const scenario = tempFile('tiny.json', tiny);

    const { code, stdout } = run('sim/plan-cli.ts', [
      scenario,
      '--target',
      '80/20',
      '--replications',
      '3',
    ]);

    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe(
      'plan for tiny | target 80/20 | seed 5 | 3 replications per count | times +00:00',
    );
    expect(
      stdout.match(/^\d\d:\d\d\s+a\s+20\.0\s+120\s+\d+\s+\d+\s+[\d.]+%\s+[\d.]+% to [\d.]+%/gm),
    ).toHaveLength(2);
  });

  it('explains a malformed target', () => {
    const { code, stderr } = run('sim/plan-cli.ts', ['x.json', '--target', '80%']);

    expect(code).toBe(2);
    expect(stderr).toContain('--target must look like 80/20');
  });

  it('refuses an --out in a missing folder before running, not after', () => {
    const scenario = tempFile('tiny.json', tiny);
    const missing = join(tmpdir(), 'no-such-folder-for-sim', 'plan.json');
    for (const script of ['sim/plan-cli.ts', 'sim/cli.ts']) {
      const { code, stdout, stderr } = run(script, [scenario, '--out', missing]);

      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.split('\n')[0]).toContain('the folder');
      expect(stderr.split('\n')[0]).toContain('no-such-folder-for-sim');
    }
  });
});
