/**
 * The Eleventh benchmark, run by hand (not part of the test suite):
 *   node -r @swc-node/register tools/bench/run.ts [--out DIR] [--runs K] [--engine CHECKOUT] [N …]
 *   (default N: 100 1000 5000; K: 3; CHECKOUT: this one — another checkout's engine gives the figures before a change)
 * For each N: synthesise (or reuse) a repository of N services × 20 namespaces × 3 environments with
 * real history, measure the engine on it, and print one Markdown table. Progress goes to stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { benchRepository, removeClones, useEngine } from './phases';
import { ensureSynthesized } from './synth';
import { markdownTable, type Row } from './table';

/** Dot-named repositories: tsc's and vitest's `**` globs skip them; `tools/bench/out/` is gitignored. */
const DEFAULT_OUT = resolve(__dirname, 'out');

interface Args {
  readonly out: string;
  readonly sizes: number[];
  readonly runs: number;
  readonly engine?: string;
}

export function parseArgs(argv: readonly string[]): Args {
  let out = DEFAULT_OUT;
  let runs = 3;
  let engine: string | undefined;
  const sizes: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = resolve(argv[++i] ?? '');
    else if (argv[i] === '--engine') engine = resolve(argv[++i] ?? '');
    else if (argv[i] === '--runs') {
      runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: '${argv[i]}' (expected a whole number of runs, such as 3)`);
    } else if (/^\d+$/.test(argv[i]) && Number(argv[i]) > 0) sizes.push(Number(argv[i]));
    else throw new Error(`argument ${i + 1}: '${argv[i]}' (expected a service count such as 1000, --out DIR, --runs K or --engine CHECKOUT)`);
  }
  return { out, runs, sizes: sizes.length > 0 ? sizes : [100, 1000, 5000], ...(engine ? { engine } : {}) };
}

function machine(): string {
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load}, Node ${process.version}`;
}

async function benchSize(n: number, out: string, runs: number): Promise<Row[]> {
  const dir = join(out, `.n-${n}`);
  process.stderr.write(`bench: N=${n}: synthesising in ${dir} …\n`);
  const synth = await ensureSynthesized(dir, { services: n });
  const phase = synth.reused ? 'reuse synthetic repo (reset to its tip)' : 'synthesise repo (one git fast-import)';
  const first: Row = { n, phase, wallSeconds: synth.seconds, note: `${synth.commits} commits` };
  return [first, ...(await benchRepository(n, dir, runs))];
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  if (args.engine) useEngine(args.engine);
  mkdirSync(args.out, { recursive: true });
  const before = machine();
  const rows: Row[] = [];
  try {
    for (const n of args.sizes) rows.push(...(await benchSize(n, args.out, args.runs)));
  } finally {
    removeClones();
  }
  const report = [
    `Engine: ${args.engine ?? 'this checkout'}; ${args.runs} run(s) per phase (figures: min / median / max)`,
    `Machine before: ${before}`,
    `Machine after:  ${machine()}`,
    '',
    markdownTable(rows),
  ].join('\n');
  writeFileSync(join(args.out, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.md`), report);
  process.stdout.write(report);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
