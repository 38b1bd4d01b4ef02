/**
 * Synthesise a monorepo of N services across namespaces and three environments, with real history,
 * written by one `git fast-import` stream. Run alone:
 *   node -r @swc-node/register tools/bench/synth.ts DIR N [namespaces] [commitsPerService]
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fastImport } from './synth/fast-import';
import { git } from './synth/git';
import { history } from './synth/history';
import { rootFiles } from './synth/root-files';

export interface SynthOptions {
  readonly services: number;
  /** @default 20 */
  readonly namespaces?: number;
  /** @default 5 */
  readonly commitsPerService?: number;
  /** The Eleventh checkout whose root files, platform/ and node_modules are used. @default this checkout */
  readonly source?: string;
}

export interface SynthResult {
  readonly dir: string;
  /** Full SHA of the last synthetic commit (also `refs/bench/synth`). */
  readonly head: string;
  readonly commits: number;
  readonly seconds: number;
  /** True when an existing repository with the same fingerprint was reset and reused. */
  readonly reused: boolean;
}

/** The synthetic tip, kept so a reused repository can be reset to it. */
export const SYNTH_REF = 'refs/bench/synth';
const MARKER = 'eleventh-bench.json';
const DEFAULT_SOURCE = resolve(__dirname, '../..');

function normalise(o: SynthOptions): Required<SynthOptions> {
  return {
    services: o.services,
    namespaces: o.namespaces ?? 20,
    commitsPerService: o.commitsPerService ?? 5,
    source: o.source ?? DEFAULT_SOURCE,
  };
}

/** Identity of everything a synthetic repository is made from: options, root files and this code. */
export function fingerprint(o: Required<SynthOptions>): string {
  const hash = createHash('sha256').update(JSON.stringify(o));
  for (const [path, content] of rootFiles(o.source)) hash.update(`${path}\0${content}\0`);
  const code = [join(__dirname, 'synth.ts'), ...readdirSync(join(__dirname, 'synth')).sort().map((f) => join(__dirname, 'synth', f))];
  for (const file of code.filter((f) => f.endsWith('.ts'))) hash.update(readFileSync(file));
  return hash.digest('hex');
}

/** Create the repository in `dir` (which must not exist or be empty). */
export async function synthesize(dir: string, options: SynthOptions): Promise<SynthResult> {
  const o = normalise(options);
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new Error(`${dir}: not empty (expected a new or empty directory)`);
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['config', 'gc.auto', '0']);
  const commits = await fastImport(dir, history(o));
  git(dir, ['checkout', '-q', '-f', 'main']);
  symlinkSync(join(o.source, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const head = git(dir, ['rev-parse', 'HEAD']);
  git(dir, ['update-ref', SYNTH_REF, head]);
  writeFileSync(join(dir, '.git', MARKER), `${JSON.stringify({ fingerprint: fingerprint(o), head, commits }, null, 2)}\n`);
  return { dir, head, commits, seconds: (performance.now() - started) / 1000, reused: false };
}

/** Reuse `dir` when it was synthesised from the same inputs (reset to the synthetic tip), else rebuild it. */
export async function ensureSynthesized(dir: string, options: SynthOptions): Promise<SynthResult> {
  const o = normalise(options);
  const markerPath = join(dir, '.git', MARKER);
  if (existsSync(markerPath)) {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8')) as { fingerprint: string; head: string; commits: number };
    if (marker.fingerprint === fingerprint(o)) {
      const started = performance.now();
      git(dir, ['checkout', '-q', '-f', '-B', 'main', SYNTH_REF]);
      git(dir, ['clean', '-q', '-f', '-d', '-x', '-e', 'node_modules']);
      for (const tag of git(dir, ['tag', '--list']).split('\n').filter(Boolean)) git(dir, ['tag', '-d', tag]);
      return { dir, head: marker.head, commits: marker.commits, seconds: (performance.now() - started) / 1000, reused: true };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return synthesize(dir, o);
}

async function cli(args: string[]): Promise<void> {
  const [dir, n, ns, cps] = args;
  if (!dir || !n) throw new Error('usage: synth.ts DIR N [namespaces] [commitsPerService]');
  const result = await synthesize(resolve(dir), {
    services: Number(n),
    namespaces: ns ? Number(ns) : undefined,
    commitsPerService: cps ? Number(cps) : undefined,
  });
  process.stdout.write(`${result.commits} commits in ${result.seconds.toFixed(1)} s → ${result.dir} (${result.head})\n`);
}

if (require.main === module) {
  cli(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
