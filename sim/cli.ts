/**
 * `npm run sim`: runs a scenario, replays a trace, or replays a day of the
 * Technion bank records, and prints a summary table (stdout) headed by the
 * seed; `--out` also writes the full result as JSON. Timing goes to stderr
 * so that stdout is the same bytes for the same input and seed.
 *
 *   npm run sim -- scenario.json [--seed N] [--out result.json]
 *   npm run sim -- --trace file.jsonl [--config center.json] [--answer-delay S]
 *   npm run sim -- --replay-technion calls.csv[.gz] --day 1999-08-01 [--config replay.json]
 */
import { writeFileSync } from 'node:fs';
import { outPathProblem } from './out-path.js';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { comparisonTable } from './comparison-table.js';
import { loadReplayConfigFile, parseReplayConfig, readConfigFile } from './replay-config.js';
import { replayTrace } from './replay.js';
import { runScenario } from './run-scenario.js';
import { loadScenarioFile } from './scenario.js';
import { resultToJson, type SimulationResult } from './simulation-result.js';
import { summaryTable } from './summary-table.js';
import { readTechnionCsv } from './technion.js';
import { replayTechnionDay, technionReplayConfig } from './technion-replay.js';
import { utcOffsetOf } from './text-table.js';
import { readTraceFile } from './trace.js';

const usage = `usage:
  npm run sim -- <scenario.json> [--seed N] [--out result.json]
  npm run sim -- --trace <file.jsonl[.gz]> [--config center.json] [--answer-delay SECONDS] [--out result.json]
  npm run sim -- --replay-technion <calls.csv[.gz]> --day YYYY-MM-DD [--config replay.json] [--out result.json]`;

interface Output {
  table: string;
  result: SimulationResult;
  extra: Record<string, unknown>;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArguments(argv);
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }

  const outProblem = values.out === undefined ? null : outPathProblem(values.out);
  if (outProblem) throw new UsageError(outProblem);
  const began = performance.now();
  let output: Output;
  if (values['replay-technion'] !== undefined) {
    if (values.day === undefined) throw new UsageError('--replay-technion needs --day YYYY-MM-DD');
    output = await technionRun(values['replay-technion'], values.day, values.config);
  } else if (values.trace !== undefined) {
    output = await traceRun(values.trace, values.config, values['answer-delay']);
  } else if (positionals.length === 1) {
    output = scenarioRun(positionals[0]!, values.seed);
  } else {
    throw new UsageError('give a scenario file, --trace or --replay-technion');
  }
  const seconds = (performance.now() - began) / 1000;

  process.stdout.write(output.table);
  if (values.out !== undefined)
    writeFileSync(values.out, resultToJson(output.result, output.extra));
  const contacts = output.result.contacts.length;
  process.stderr.write(
    `${contacts} contacts in ${seconds.toFixed(2)} s of wall time (${Math.round(contacts / seconds)} contacts/s)\n`,
  );
  return 0;
}

function scenarioRun(path: string, seedText: string | undefined): Output {
  const scenario = loadScenarioFile(path);
  const seed = seedText === undefined ? undefined : parseSeed(seedText);
  const result = runScenario(scenario, seed === undefined ? {} : { seed });
  const title = `scenario ${scenario.name ?? basename(path)}`;
  return {
    table: summaryTable(result, { title, utcOffsetMinutes: utcOffsetOf(scenario.start) }),
    result,
    extra: { kind: 'scenario', source: basename(path), name: scenario.name ?? null },
  };
}

async function traceRun(
  path: string,
  configPath: string | undefined,
  delay: string | undefined,
): Promise<Output> {
  const trace = await readTraceFile(path);
  const config =
    configPath === undefined ? parseReplayConfig({}) : loadReplayConfigFile(configPath);
  if (delay !== undefined) config.answerDelaySec = parseNumber('--answer-delay', delay);
  const result = replayTrace(trace, config);
  return {
    table: summaryTable(result, {
      title: `trace ${basename(path)}`,
      utcOffsetMinutes: utcOffsetOf(trace.header.start),
    }),
    result,
    extra: { kind: 'trace', source: basename(path) },
  };
}

async function technionRun(
  path: string,
  day: string,
  configPath: string | undefined,
): Promise<Output> {
  const config =
    configPath === undefined
      ? technionReplayConfig()
      : technionReplayConfig(readConfigFile(configPath), configPath);
  const comparison = replayTechnionDay(await readTechnionCsv(path), day, config);
  return {
    table: comparisonTable(comparison, `Technion replay of ${basename(path)}`),
    result: comparison.result,
    extra: {
      kind: 'technion',
      source: basename(path),
      day,
      hours: comparison.hours,
      total: comparison.total,
    },
  };
}

class UsageError extends Error {}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        out: { type: 'string' },
        trace: { type: 'string' },
        config: { type: 'string' },
        'answer-delay': { type: 'string' },
        'replay-technion': { type: 'string' },
        day: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new UsageError(`--seed must be an integer from 0 to 4294967295, not ${text}`);
  }
  return seed;
}

function parseNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(`${flag} must be a number >= 0, not ${text}`);
  return value;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`sim: ${message.replace(/\s+/g, ' ')}\n`);
    if (err instanceof UsageError) process.stderr.write(`${usage}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  },
);
