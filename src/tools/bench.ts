/**
 * `npm run bench`: measures virt's startup against Node's own floor (`node -e 0`) in one interleaved run and
 * fails when a target is missed. Wall time is the median of N round-robin runs; peak memory is the median
 * maximum resident set size reported by /usr/bin/time. Usage: npm run bench [-- --runs 30] [-- --node PATH]
 * `--node` measures another Node (each against its own `node -e 0`); the targets follow its major version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_TOPIC_BYTES } from '../content/markdown-limits.js';
import { parseTopic } from '../content/parse-topic.js';
import { packageRoot } from '../content/paths.js';
import { writeGeneratedPack } from './generate-pack.js';
import { PATHOLOGICAL_MARKDOWN, underTheLimits } from './pathological-markdown.js';

interface Case {
  name: string;
  args: string[];
  /** Highest allowed ratio of median wall time to node -e 0's. */
  time?: number;
  /** Highest allowed ratio of median peak memory to node -e 0's. */
  memory?: number;
  /** Added to the environment of this case's runs. */
  env?: Record<string, string>;
  /** The exit status each run must have; 0 unless said. */
  status?: number;
}

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 30;
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(
    `bench: --runs wants a whole number of at least 1, not ${process.argv[runsFlag + 1] ?? 'nothing'}\n`,
  );
  process.exit(2);
}
const nodeFlag = process.argv.indexOf('--node');
const node = (nodeFlag > 0 ? process.argv[nodeFlag + 1] : process.execPath) ?? '';
const nodeVersion = node ? spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() : undefined;
if (!nodeVersion) {
  process.stderr.write(`bench: --node wants the path of a node binary that runs, not ${node || 'nothing'}\n`);
  process.exit(2);
}
/** Node 24 starts about three times faster than Node 20, so virt's own fixed cost weighs more against it. */
const modern = Number(/^v(\d+)/.exec(nodeVersion)?.[1]) >= 24;
const root = packageRoot();
const bin = join(root, 'bin', 'virt.js');
if (!existsSync(join(root, 'dist', 'virt.cjs'))) {
  process.stderr.write('bench: run `npm run build` first\n');
  process.exit(2);
}
// The pack and the cache it fills (about 8 MB together) are made afresh for each run and removed after it,
// in a folder named after this process. A run cut short (Ctrl-C under npm) may leave its folder: the next
// run removes those of processes that are gone, and leaves those of benches still running.
const scratchRoot = join(root, 'node_modules', '.cache');
const scratch = join(scratchRoot, `virt-bench-${process.pid}`);
for (const name of existsSync(scratchRoot) ? readdirSync(scratchRoot) : []) {
  const pid = /^virt-bench-(\d+)$/.exec(name)?.[1];
  if (pid && !isRunning(Number(pid))) rmSync(join(scratchRoot, name), { recursive: true, force: true });
}
const pack = writeGeneratedPack(join(scratch, 'generated'), 2000);
const cacheDir = join(scratch, 'cache');
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));
const worst = writeWorstTopic(join(scratch, 'worst'));

/**
 * The pathological Markdown (see pathological-markdown.ts) that takes longest to load, found by parsing
 * each case once, as large as a topic file may be: both as it is (refused over a limit, or read) and in
 * paragraphs just within the limits. Written as a one-topic pack, so a row can time loading it.
 */
function writeWorstTopic(folder: string): { pack: string; name: string; status: number } {
  const topic = (body: string) =>
    `---\nid: worst-case\ntitle: Worst case\nkind: term\nsummary: The slowest input\nsources:\n  - title: S\n    url: https://example.org\n---\n${body}`;
  const parse = (body: string) => parseTopic(topic(body), { file: 'worst-case.md' });
  const fits = (body: string) => !parse(body).problems.some((p) => p.severity === 'error');
  let slowest = { ms: -1, name: '', body: '', status: 0 };
  for (const [name, make] of Object.entries(PATHOLOGICAL_MARKDOWN)) {
    const full = MAX_TOPIC_BYTES - 1024;
    for (const [label, body] of [
      [name, make(full)],
      [`${name}, within the limits`, underTheLimits(make, full, fits)],
    ] as const) {
      const started = process.hrtime.bigint();
      const { problems } = parse(body);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // A topic over a limit is refused: the command then exits 2, as it should.
      const status = problems.some((p) => p.severity === 'error') ? 2 : 0;
      if (ms > slowest.ms) slowest = { ms, name: label, body, status };
    }
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'worst-case.md'), topic(slowest.body));
  return { pack: folder, name: slowest.name, status: slowest.status };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const cases: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'virt --version', args: [bin, '--version'], time: 1.15 },
  {
    name: 'virt explain paravirtualization',
    args: [bin, 'explain', 'paravirtualization'],
    time: modern ? 1.5 : 1.3,
    memory: 1.3,
  },
  {
    name: 'virt explain paravirtualization (rich)',
    args: [bin, 'explain', 'paravirtualization', '--color', 'always', '--no-pager'],
  },
  { name: 'virt compare full para', args: [bin, 'compare', 'full', 'para'], time: modern ? undefined : 1.35 },
  { name: 'virt compare full para (rich)', args: [bin, 'compare', 'full', 'para', '--color', 'always', '--no-pager'] },
  { name: 'virt list', args: [bin, 'list'], time: modern ? undefined : 1.3 },
  { name: 'virt search hypercall', args: [bin, 'search', 'hypercall'], time: modern ? 1.8 : 1.5 },
  // The compiled index and dist/questions.json, read in one go each.
  { name: 'virt quiz --list --json', args: [bin, 'quiz', '--list', '--json'], time: modern ? 1.8 : 1.4 },
  // detect reads a few dozen small files and loads no guide.
  { name: 'virt detect', args: [bin, 'detect'], time: modern ? 1.8 : 1.4 },
  { name: 'virt detect (rich)', args: [bin, 'detect', '--color', 'always', '--no-pager'] },
  { name: 'virt explain (2,000-topic pack)', args: [bin, '--content', pack, 'explain', 'gen-01999'], time: 2.0 },
  {
    name: 'virt search (2,000-topic pack)',
    args: [bin, '--content', pack, 'search', 'second', 'point', '1999'],
    time: 2.5,
  },
  {
    // Parsed afresh at every run (no cache): the worst a pack file can cost. Reported, with no target.
    name: 'virt list (slowest pathological topic, no cache)',
    args: [bin, '--content', worst.pack, 'list'],
    env: { VIRT_CACHE_DIR: '' },
    status: worst.status,
  },
];

function measure(args: string[], extraEnv: Record<string, string> = {}, status = 0): { ms: number; kb: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', node, ...args], {
    encoding: 'utf8',
    // stdout is a real pipe, as in `virt … | grep`, so plain mode is measured the way scripts use it.
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, VIRT_CACHE_DIR: cacheDir, NO_COLOR: '', ...extraEnv },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // Ctrl-C reaches the measured command too; /usr/bin/time then reports it, exiting 128 + SIGINT.
  if (result.signal === 'SIGINT' || result.status === 130) process.exit(130);
  if (result.status !== status) throw new Error(`bench: \`node ${args.join(' ')}\` failed:\n${result.stderr}`);
  return { ms, kb: Number(result.stderr.trim().split('\n').at(-1)) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const samples = cases.map(() => ({ ms: [] as number[], kb: [] as number[] }));
for (let round = -3; round < runs; round++) {
  cases.forEach((c, i) => {
    const sample = measure(c.args, c.env, c.status);
    if (round >= 0) {
      samples[i]!.ms.push(sample.ms);
      samples[i]!.kb.push(sample.kb);
    }
  });
}

const baseMs = median(samples[0]!.ms);
const baseKb = median(samples[0]!.kb);
let missed = 0;
const rows = cases.map((c, i) => {
  const ms = median(samples[i]!.ms);
  const kb = median(samples[i]!.kb);
  const timeRatio = ms / baseMs;
  const memoryRatio = kb / baseKb;
  const timeOk = c.time === undefined || timeRatio <= c.time;
  const memoryOk = c.memory === undefined || memoryRatio <= c.memory;
  if (!timeOk || !memoryOk) missed++;
  return [
    c.name,
    `${ms.toFixed(1)} ms`,
    `${timeRatio.toFixed(2)}x`,
    c.time === undefined ? '' : `≤ ${c.time.toFixed(2)} ${timeOk ? 'ok' : 'MISSED'}`,
    `${(kb / 1024).toFixed(1)} MB`,
    `${memoryRatio.toFixed(2)}x`,
    c.memory === undefined ? '' : `≤ ${c.memory.toFixed(2)} ${memoryOk ? 'ok' : 'MISSED'}`,
  ];
});
const header = ['command', 'median', 'vs node', 'target', 'peak RSS', 'vs node', 'target'];
const widths = header.map((h, col) => Math.max(h.length, ...rows.map((row) => row[col]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, col) => cell.padEnd(widths[col]!)).join(' | ')} |`;
process.stdout.write(
  `${runs} interleaved runs each, node ${nodeVersion}, ${new Date().toISOString().slice(0, 10)}\n\n`,
);
process.stdout.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
process.stdout.write(`\nThe slowest pathological topic: ${worst.name}.\n`);
process.stdout.write(missed ? `\nbench: ${missed} target(s) missed\n` : '\nbench: every target met\n');
process.exitCode = missed ? 1 : 0;
