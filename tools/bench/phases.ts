/**
 * The measured phases for one synthetic repository: cold Nx graph, recipe and render from scratch,
 * one namespace through `kubectl kustomize`, then `recipe` after a one-service change (cold and warm
 * Nx cache), with the Nx graph measured alone so Eleventh's own share can be told apart.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { measure, type Measurement } from './measure';
import { git } from './synth/git';
import { namespaceName, serviceName } from './synth/service-files';
import { spread, type Row, type Target } from './table';
import { SYNTH_REF } from './synth';
import { diskNote } from './disk-probe';

const SOURCE = resolve(__dirname, '../..');
const NX = join(SOURCE, 'node_modules/nx/dist/bin/nx.js');

/** Which checkout's engine runs (`--engine DIR`: another checkout, e.g. the commit before a change). */
let engineRoot = SOURCE;
export function useEngine(dir: string): void {
  engineRoot = resolve(dir);
}
const eleventhBin = (): string => join(engineRoot, 'tools/eleventh/bin/eleventh.js');

/** The engine's caches (typecheck, deploy.ts headers, transpiled TypeScript) live with the repository, not in a checkout. */
const cacheDir = (dir: string): string => join(dir, '.git', 'bench-cache');
const env = (dir: string): Record<string, string> => ({ NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ELEVENTH_TIMING: '1', FORCE_COLOR: '0', ELEVENTH_CACHE_DIR: cacheDir(dir) });

export const FULL_TARGET: Target = { wallSeconds: 20, rssMiB: 1024 };
/** Twice the floor of three 5,000-service environments on this machine (issue 12). */
export const RENDER_TARGET: Target = { wallSeconds: 9.6, rssMiB: 1024 };
export const OWN_SHARE_TARGET: Target = { wallSeconds: 1 };

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

function note(m: Measurement, extra = ''): string {
  const parts: string[] = [];
  if (m.exitCode === 0 && m.command.includes('eleventh.js') && !m.command.includes('--quiet') && !/ (verify|history \S+|diff \S+ \S+)$/.test(m.command) && !/file\(s\) changed/.test(m.stderr)) {
    parts.push('INCOMPLETE: exit 0 without the "N file(s) changed" summary');
  }
  if (m.timedOut) parts.push(`TIMEOUT: killed after ${m.wallSeconds.toFixed(0)} s (hung)`);
  if (m.exitCode !== 0) {
    const last = m.stderr.trim().split('\n').filter((l) => !l.startsWith('eleventh: timing')).slice(-1)[0] ?? '';
    parts.push(`FAILED exit ${m.exitCode}: ${last.slice(0, 160)}`);
  }
  if (m.timings.length > 0) parts.push(`engine: ${m.timings.map(([p, ms]) => `${p} ${ms} ms`).join(', ')}`);
  if (m.maxProcessMiB !== undefined) parts.push(`largest process ${m.maxProcessMiB.toFixed(0)} MiB`);
  parts.push(`every process's peak added up ${m.sumOfPeaksMiB.toFixed(0)} MiB`);
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
  const m = await measure(argv, dir, env(dir));
  progress(`${label}: ${m.wallSeconds.toFixed(2)} s, exit ${m.exitCode}`);
  return m;
}

const eleventh = (dir: string, label: string, ...args: string[]) => timed(dir, label, ['node', eleventhBin(), ...args]);
const nxGraph = (dir: string, label: string) => timed(dir, label, ['node', NX, 'show', 'projects']);

let clock = 1_900_000_000;

/** Commit everything under `paths` (if anything changed) with a fixed identity and date. */
function commit(dir: string, paths: string[], message: string): void {
  git(dir, ['add', '--', ...paths]);
  if (git(dir, ['diff', '--cached', '--name-only']) === '') return;
  const date = `${clock++} +0000`;
  // gc.auto=0: committing 80,500 rendered files leaves that many loose objects, and git's own `gc --auto` then
  // repacks them in the background for seconds, during the next measured phase (README, the twelfth session).
  git(dir, ['-c', 'gc.auto=0', 'commit', '-q', '--no-verify', '-m', message], { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
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
    row(n, `recipe after 1-service change (${label})`, recipe, undefined, `${name}: ${changed.length} file(s) written`),
    { n, phase: `Eleventh's own share (recipe − Nx graph, ${label})`, wallSeconds: own, target: OWN_SHARE_TARGET },
  ];
}

/** `verify` of the committed tree (every pin's ancestry, every digest, a full render), `history staging`, `diff staging prod`, then `promote --from` to preprod, put back after. */
async function committedTreeCommands(n: number, dir: string): Promise<Row[]> {
  cold(dir);
  const verify = await eleventh(dir, 'verify (cold)', 'verify');
  const clean = verify.exitCode === 0 && /verify: clean/.test(verify.stderr) ? '' : 'NOT CLEAN: verify found something on a freshly rendered tree';
  const history = await eleventh(dir, 'history staging', 'history', 'staging');
  const diff = await eleventh(dir, 'diff staging prod', 'diff', 'staging', 'prod');
  const promote = await eleventh(dir, 'promote --to preprod --from', 'promote', '--to', 'preprod', '--from');
  git(dir, ['checkout', '-q', '--', 'environments']);
  return [
    row(n, 'verify (cold Nx cache)', verify, undefined, clean),
    row(n, 'history staging (release notes of every recipe change)', history, undefined, `${history.stdout.split('\n').length - 1} lines`),
    row(n, 'diff staging prod (pins and resolved config)', diff),
    row(n, 'promote --to preprod --from (not committed)', promote),
  ];
}

/** A first run on a fresh clone: no Nx cache and none of the engine's (only its own modules transpiled, as an installed CLI ships them). */
function fresh(dir: string): void {
  cold(dir);
  rmSync(cacheDir(dir), { recursive: true, force: true });
  spawnSync('node', [eleventhBin(), '--help'], { cwd: dir, env: { ...process.env, ...env(dir) }, stdio: 'ignore' });
}

/** Every phase once, for the repository in `dir` (a fresh clone of the synthetic tip: freshClone). */
async function oneRun(n: number, dir: string, first: boolean, change: number): Promise<Row[]> {
  const rows: Row[] = [];
  fresh(dir);
  const graph = await nxGraph(dir, 'nx graph (cold)');
  const projects = graph.stdout.split('\n').filter(Boolean).length;
  rows.push(row(n, 'Nx graph alone (cold, `nx show projects`)', graph, undefined, `${projects} projects`));
  fresh(dir);
  const disk = diskNote(dir, progress);
  const full = await eleventh(dir, 'recipe from scratch (cold)', 'recipe');
  rows.push(row(n, 'recipe from scratch: pins + render 3 envs (fresh clone: no Nx or engine cache)', full, FULL_TARGET, `${changedFiles(dir).length} paths written; ${disk}`));
  if (full.exitCode !== 0) return rows;
  commit(dir, ['environments'], 'environments: first recipe');
  cold(dir);
  rows.push(row(n, 'render all environments (cold Nx cache)', await eleventh(dir, 'render (cold)', 'render'), RENDER_TARGET));
  cold(dir);
  rows.push(row(n, 'render all environments, --quiet (no progress; cold Nx cache)', await eleventh(dir, 'render --quiet (cold)', 'render', '--quiet'), RENDER_TARGET));
  if (first) rows.push(await kustomize(n, dir));
  commit(dir, ['environments'], 'environments: render');
  rows.push(...(await committedTreeCommands(n, dir)));
  rows.push(...(await afterChange(n, dir, change, false)));
  rows.push(...(await afterChange(n, dir, change + 1, true)));
  return rows;
}

/** The runs' rows of each phase as one row: min / median / max of every figure, the first run's notes. */
function aggregate(runs: readonly Row[][]): Row[] {
  const phases = runs[0].map((r) => r.phase);
  const out = phases.map((phase) => {
    const rows = runs.map((rs) => rs.find((r) => r.phase === phase)).filter((r): r is Row => r !== undefined);
    const of = (pick: (r: Row) => number | undefined) => {
      const values = rows.map(pick).filter((v): v is number => v !== undefined);
      return values.length > 0 ? spread(values) : undefined;
    };
    const [wall, cpu, rss] = [of((r) => r.wallSeconds), of((r) => r.cpuSeconds), of((r) => r.rssMiB)];
    const failed = rows.filter((r) => /FAILED|TIMEOUT|INCOMPLETE|NOT CLEAN/.test(r.note ?? '')).length;
    const note = [rows[0].note, failed > 0 ? `${failed} of ${rows.length} runs failed` : ''].filter(Boolean).join('; ');
    return { ...rows[0], wallSeconds: wall?.median, cpuSeconds: cpu?.median, rssMiB: rss?.median, spread: { wall, cpu, rss, runs: rows.length }, note };
  });
  // The 1-service change is held to the Nx graph alone under the same cache state, plus one second.
  return out.map((r, i) => {
    const graph = out[i - 1];
    if (!r.phase.startsWith('recipe after 1-service change') || graph?.wallSeconds === undefined) return r;
    const budget = graph.wallSeconds + 1;
    return { ...r, target: { wallSeconds: budget, label: `≤ Nx graph + 1 s (${budget.toFixed(2)} s)` } };
  });
}

/**
 * A fresh clone of the synthetic tip for one run (`<dir>.run-<k>`, sharing `dir`'s objects, no remote). Each run
 * starts in a new clone rather than a reset one: cleaning 80,000 rendered files leaves this kind of disk slow for
 * minutes (tools/bench/README.md, the tenth session), which the next "recipe from scratch" would measure.
 */
function freshClone(dir: string, k: number): string {
  const clone = `${dir}.run-${k}`;
  // Only a clone an interrupted bench left: deleting it may slow the run that follows (README), which a bench
  // that ends normally never does.
  rmSync(clone, { recursive: true, force: true });
  const tip = git(dir, ['rev-parse', SYNTH_REF]).trim();
  git(dirname(clone), ['clone', '-q', '--shared', '--no-checkout', dir, clone]);
  git(clone, ['remote', 'remove', 'origin']);
  git(clone, ['checkout', '-q', '-f', '-B', 'main', tip]);
  symlinkSync(readlinkSync(join(dir, 'node_modules')), join(clone, 'node_modules'), 'dir');
  return clone;
}

const clones: string[] = [];

/** Remove every run's clone: called once the whole bench is done, so no measured run follows a large deletion. */
export function removeClones(): void {
  for (const clone of clones.splice(0)) rmSync(clone, { recursive: true, force: true });
}

/** Every phase `runs` times, each in a fresh clone of the synthetic tip (see removeClones), aggregated. */
export async function benchRepository(n: number, dir: string, runs = 3): Promise<Row[]> {
  const all: Row[][] = [];
  for (let r = 0; r < runs; r++) {
    progress(`run ${r + 1} of ${runs}: a fresh clone of the synthetic tip …`);
    const clone = freshClone(dir, r + 1);
    clones.push(clone);
    all.push(await oneRun(n, clone, r === 0, 1 + 2 * r));
  }
  return aggregate(all);
}
