/**
 * `tsx bench/profile-summary.ts <file.cpuprofile> [--top N] [--under fn] [--only path]`:
 * what a `node --cpu-prof` profile spent its time on, as text: self time by
 * area (a package, a folder of this repository, garbage collection), then
 * the hottest functions by self time and by total time (the function
 * anywhere on the stack). `--under` keeps only samples taken inside a
 * function of that name; `--only` lists only functions of matching files.
 * The bench README's findings come from this; run it after an engine change.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { repoRoot } from './child-process.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Row {
  name: string;
  selfMs: number;
  totalMs: number;
}

interface Summary {
  busyMs: number;
  /** Collection time over the whole profile: it has no stack to filter by. */
  gcMs: number;
  wholeBusyMs: number;
  areas: Map<string, number>;
  rows: Row[];
}

/** Samples the CPU spent waiting or in V8's own bookkeeping, not in code. */
const notCode = /^\((root|program|idle)\)/;

function summarize(profile: CpuProfile, under: string | undefined): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const rows = new Map<string, Row>();
  const rowOf = (node: ProfileNode) => {
    const key = frameName(node);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { name: key, selfMs: 0, totalMs: 0 }));
    return row;
  };
  const areas = new Map<string, number>();
  let busyMs = 0;
  let gcMs = 0;
  let wholeBusyMs = 0;

  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const ms = (profile.timeDeltas[i] ?? 0) / 1_000;
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      stack.push(byId.get(at)!);
    }
    if (notCode.test(node.callFrame.functionName)) return;
    wholeBusyMs += ms;
    const isGc = node.callFrame.functionName === '(garbage collector)';
    if (isGc) gcMs += ms;
    // Collections have no stack: with --under they are left out, and
    // reported for the whole profile instead.
    if (under && (isGc || !stack.some((n) => n.callFrame.functionName === under))) return;

    busyMs += ms;
    const area = areaOf(node);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    rowOf(node).selfMs += ms;
    // A recursive function counts once per sample in its total.
    const seen = new Set<Row>();
    for (const n of stack) {
      const row = rowOf(n);
      if (!seen.has(row)) row.totalMs += ms;
      seen.add(row);
    }
  });
  return { busyMs, gcMs, wholeBusyMs, areas, rows: [...rows.values()] };
}

function pathOf(url: string): string {
  const path = url.startsWith('file://') ? new URL(url).pathname : url;
  if (path.includes('node_modules/')) return path.slice(path.lastIndexOf('node_modules/'));
  return path.startsWith('/') ? relative(repoRoot, path) : path;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = pathOf(url);
  // tsx's compiled modules report every function on line 1: name the file only.
  const where = file.endsWith('.ts') ? file : file && `${file}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

/** A package, a folder of the repository (two levels), or what V8 calls it. */
function areaOf(node: ProfileNode): string {
  const file = pathOf(node.callFrame.url);
  if (file === '') return node.callFrame.functionName;
  if (file.startsWith('node_modules/')) return file.split('/')[1]!;
  if (file.startsWith('node:')) return 'node internals';
  const parts = file.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : file;
}

function share(ms: number, of: number): string {
  return `${((ms / of) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms`;
}

function functionTable(s: Summary, key: 'selfMs' | 'totalMs', top: number, only?: string) {
  const rows = s.rows
    .filter((r) => r.name !== '(garbage collector)' && (!only || r.name.includes(only)))
    .sort((a, b) => b[key] - a[key])
    .slice(0, top);
  return rows.map((r) => `${share(r[key], s.busyMs)}  ${r.name}`);
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

function main(): void {
  const args = process.argv.slice(2);
  const path = args[0];
  if (!path || path.startsWith('--')) {
    throw new Error(
      'usage: profile-summary.ts <file.cpuprofile> [--top N] [--under fn] [--only path]',
    );
  }
  const top = Number(option(args, '--top') ?? 25);
  const under = option(args, '--under');
  const only = option(args, '--only');
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const s = summarize(profile, under);

  const areas = [...s.areas].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const lines = [
    `${path}: ${s.busyMs.toFixed(0)} ms busy${under ? ` inside ${under}` : ''} (idle excluded)`,
    `garbage collection: ${share(s.gcMs, s.wholeBusyMs).trim()} of the whole profile's busy time`,
    '',
    'self time by area',
    ...areas.map(([area, ms]) => `${share(ms, s.busyMs)}  ${area}`),
    '',
    'functions by self time',
    ...functionTable(s, 'selfMs', top, only),
    '',
    'functions by total time',
    ...functionTable(s, 'totalMs', top, only),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
