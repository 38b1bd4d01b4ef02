/**
 * The Eleventh benchmark, run by hand (not part of the test suite):
 *   node -r @swc-node/register tools/bench/run.ts [--out DIR] [N …]      (default N: 100 1000 5000)
 * For each N: synthesise (or reuse) a repository of N services × 20 namespaces × 3 environments with
 * real history, measure the engine on it, and print one Markdown table. Progress goes to stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { benchRepository } from './phases';
import { ensureSynthesized } from './synth';
import { markdownTable, type Row } from './table';

/** Dot-named repositories: tsc's and vitest's `**` globs skip them; `tools/bench/out/` is gitignored. */
const DEFAULT_OUT = resolve(__dirname, 'out');

interface Args {
  readonly out: string;
  readonly sizes: number[];
}

export function parseArgs(argv: readonly string[]): Args {
  let out = DEFAULT_OUT;
  const sizes: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = resolve(argv[++i] ?? '');
    else if (/^\d+$/.test(argv[i]) && Number(argv[i]) > 0) sizes.push(Number(argv[i]));
    else throw new Error(`argument ${i + 1}: '${argv[i]}' (expected a service count such as 1000, or --out DIR)`);
  }
  return { out, sizes: sizes.length > 0 ? sizes : [100, 1000, 5000] };
}

function machine(): string {
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load}, Node ${process.version}`;
}

async function benchSize(n: number, out: string): Promise<Row[]> {
  const dir = join(out, `.n-${n}`);
  process.stderr.write(`bench: N=${n}: synthesising in ${dir} …\n`);
  const synth = await ensureSynthesized(dir, { services: n });
  const phase = synth.reused ? 'reuse synthetic repo (reset to its tip)' : 'synthesise repo (one git fast-import)';
  const first: Row = { n, phase, wallSeconds: synth.seconds, note: `${synth.commits} commits` };
  return [first, ...(await benchRepository(n, dir))];
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  mkdirSync(args.out, { recursive: true });
  const before = machine();
  const rows: Row[] = [];
  for (const n of args.sizes) rows.push(...(await benchSize(n, args.out)));
  const report = [
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
