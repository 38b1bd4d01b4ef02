/**
 * The measured phases for one synthetic repository: cold Nx graph, recipe and render from scratch,
 * one namespace through `kubectl kustomize`, then `recipe` after a one-service change (cold and warm
 * Nx cache), with the Nx graph measured alone so Eleventh's own share can be told apart.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { measure, type Measurement } from './measure';
import { git } from './synth/git';
import { namespaceName, serviceName } from './synth/service-files';
import type { Row, Target } from './table';

const SOURCE = resolve(__dirname, '../..');
const ELEVENTH = join(SOURCE, 'tools/eleventh/bin/eleventh.js');
const NX = join(SOURCE, 'node_modules/nx/dist/bin/nx.js');
const ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ELEVENTH_TIMING: '1', FORCE_COLOR: '0' };

export const FULL_TARGET: Target = { wallSeconds: 20, rssMiB: 1024 };
export const CHANGE_TARGET: Target = { wallSeconds: 5 };
export const OWN_SHARE_TARGET: Target = { wallSeconds: 1 };

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

function note(m: Measurement, extra = ''): string {
  const parts: string[] = [];
  if (m.exitCode === 0 && m.command.includes('eleventh.js') && !/file\(s\) changed/.test(m.stderr)) {
    parts.push('INCOMPLETE: exit 0 without the "N file(s) changed" summary');
  }
  if (m.timedOut) parts.push(`TIMEOUT: killed after ${m.wallSeconds.toFixed(0)} s (hung)`);
  if (m.exitCode !== 0) {
    const last = m.stderr.trim().split('\n').filter((l) => !l.startsWith('eleventh: timing')).slice(-1)[0] ?? '';
    parts.push(`FAILED exit ${m.exitCode}: ${last.slice(0, 160)}`);
  }
  if (m.timings.length > 0) parts.push(`engine: ${m.timings.map(([p, ms]) => `${p} ${ms} ms`).join(', ')}`);
  if (m.maxProcessMiB !== undefined) parts.push(`largest process ${m.maxProcessMiB.toFixed(0)} MiB`);
  if (extra) parts.push(extra);
  return parts.join('; ');
}

function row(n: number, phase: string, m: Measurement, target?: Target, extra = ''): Row {
  return { n, phase, wallSeconds: m.wallSeconds, cpuSeconds: m.cpuSeconds, rssMiB: m.treePeakMiB, target, note: note(m, extra) };
}

function cold(dir: string): void {
  rmSync(join(dir, '.nx'), { recursive: true, force: true });
}

async function timed(dir: string, label: string, argv: string[]): Promise<Measurement> {
  progress(`${label} …`);
  const m = await measure(argv, dir, ENV);
  progress(`${label}: ${m.wallSeconds.toFixed(2)} s, exit ${m.exitCode}`);
  return m;
}

const eleventh = (dir: string, label: string, ...args: string[]) => timed(dir, label, ['node', ELEVENTH, ...args]);
const nxGraph = (dir: string, label: string) => timed(dir, label, ['node', NX, 'show', 'projects']);

let clock = 1_900_000_000;

/** Commit everything under `paths` (if anything changed) with a fixed identity and date. */
function commit(dir: string, paths: string[], message: string): void {
  git(dir, ['add', '--', ...paths]);
  if (git(dir, ['diff', '--cached', '--name-only']) === '') return;
  const date = `${clock++} +0000`;
  git(dir, ['commit', '-q', '--no-verify', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
}

/** Change one service's source (an image input) and commit it. */
function changeService(dir: string, index: number): string {
  const name = serviceName(index);
  appendFileSync(join(dir, `services/${name}/src/util.ts`), `// bench change ${clock}\n`);
  commit(dir, [`services/${name}`], `${name}: one-line change`);
  return name;
}

function changedFiles(dir: string): string[] {
  return git(dir, ['status', '--porcelain', '--untracked-files=all']).split('\n').filter(Boolean);
}

async function kustomize(n: number, dir: string): Promise<Row> {
  const phase = `kubectl kustomize environments/staging/${namespaceName(0)}`;
  if (spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status !== 0) {
    return { n, phase, note: 'skipped: kubectl not found' };
  }
  const m = await timed(dir, 'kustomize', ['kubectl', 'kustomize', `environments/staging/${namespaceName(0)}`]);
  const docs = m.stdout.split(/^kind: /m).length - 1;
  return row(n, phase, m, undefined, `${docs} objects`);
}

/** Recipe after a one-service change, beside the Nx graph alone under the same cache state. */
async function afterChange(n: number, dir: string, index: number, warm: boolean): Promise<Row[]> {
  const label = warm ? 'warm Nx cache' : 'cold, .nx removed';
  const name = changeService(dir, index);
  const snapshot = join(dir, '.git', 'bench-nx-snapshot');
  if (!warm) cold(dir);
  else if (existsSync(join(dir, '.nx'))) cpSync(join(dir, '.nx'), snapshot, { recursive: true });
  const graph = await nxGraph(dir, `nx graph (${label})`);
  if (!warm) cold(dir);
  else if (existsSync(snapshot)) {
    cold(dir);
    cpSync(snapshot, join(dir, '.nx'), { recursive: true });
    rmSync(snapshot, { recursive: true, force: true });
  }
  const recipe = await eleventh(dir, `recipe after change (${label})`, 'recipe');
  const changed = changedFiles(dir);
  commit(dir, ['environments'], 'recipe');
  const own = recipe.wallSeconds - graph.wallSeconds;
  return [
    row(n, `Nx graph alone, 1 file changed (${label})`, graph),
    row(n, `recipe after 1-service change (${label})`, recipe, CHANGE_TARGET, `${name}: ${changed.length} file(s) written`),
    { n, phase: `Eleventh's own share (recipe − Nx graph, ${label})`, wallSeconds: own, target: OWN_SHARE_TARGET },
  ];
}

/** Every phase for the repository in `dir` (freshly synthesised or reset to its synthetic tip). */
export async function benchRepository(n: number, dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  cold(dir);
  const graph = await nxGraph(dir, 'nx graph (cold)');
  const projects = graph.stdout.split('\n').filter(Boolean).length;
  rows.push(row(n, 'Nx graph alone (cold, `nx show projects`)', graph, undefined, `${projects} projects`));
  cold(dir);
  const full = await eleventh(dir, 'recipe from scratch (cold)', 'recipe');
  rows.push(row(n, 'recipe from scratch: pins + render 3 envs (cold)', full, FULL_TARGET, `${changedFiles(dir).length} paths written`));
  if (full.exitCode !== 0) return rows;
  commit(dir, ['environments'], 'environments: first recipe');
  cold(dir);
  rows.push(row(n, 'render all environments (cold)', await eleventh(dir, 'render (cold)', 'render'), FULL_TARGET));
  rows.push(await kustomize(n, dir));
  commit(dir, ['environments'], 'environments: render');
  rows.push(...(await afterChange(n, dir, 1, false)));
  rows.push(...(await afterChange(n, dir, 2, true)));
  return rows;
}
