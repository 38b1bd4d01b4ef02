/**
 * One engine run, entirely in memory: resolve config → compute pins → build, validate and serialise every
 * file that must change → recipes. Nothing is written here (see engine/apply.ts).
 */
import { loadConfig, checkOverrides, type ConfigSet } from '../config/load';
import { ConfigErrors, UsageError } from '../errors';
import { loadKit } from '../load/kit';
import { readServiceHeaders } from '../load/services';
import { typeCheckDeployFiles } from '../load/typecheck';
import type { Pin, Recipe } from '../model';
import { computePins, startGraph } from '../pins/compute';
import { uncommittedPaths } from '../pins/dirty';
import type { GraphInputs } from '../pins/inputs';
import { readRecipe, recipePath, serializeRecipe } from '../recipe/recipe';
import type { FileMap } from '../render/files';
import { RenderPool } from './render-pool';
import { timed } from '../timing';
import { savePassedChecks } from './passed-checks';
import { today } from '../policy/clock';
import { deployTimeout } from '../load/deploy-timeout';
import { sortFindings, type Finding } from '../findings';
import type { ImageAnswer, ImageLookup } from '../images/lookup';
import { followerDigests } from './follower-digests';
import { startWarmUp } from './warm-up';
import type { WorkTreeState } from './worktree';
import { WritePlanner, type PreparedWrite } from './write-plans';
import { EnvRenderer, estimateRenders, type EarlyInputs, type EnvOutcome, type Job, type RunInputs } from './env-renderer';

export interface PlanOptions {
  readonly root: string;
  /** `recipe` reuses unchanged services; `render` re-renders everything. */
  readonly mode: 'recipe' | 'render';
  readonly envs?: readonly string[];
  readonly allowDirty?: boolean;
  readonly base?: string;
  readonly head?: string;
  /** `head` is a commit made of the work tree (see PinOptions.headIsWorkTree). */
  readonly headIsWorkTree?: boolean;
  /** The Nx graph, already being built (startGraph), when the caller needs it too. */
  readonly graph?: Promise<GraphInputs>;
  /**
   * Read the digests the recipes do not record yet from the registries (`recipe --images`). Without it no
   * registry is asked: recorded digests are kept while their pin and image stay.
   */
  readonly imageLookup?: ImageLookup;
  /** Check every service, reusing no remembered verdict (`verify`: engine/passed-checks.ts). */
  readonly recheck?: boolean;
  /** Plan each environment's write as soon as it is rendered (`render`, `recipe`: engine/write-plans.ts). */
  readonly prepareWrite?: boolean;
}

export type { EnvOutcome } from './env-renderer';

export interface Plan {
  readonly files: FileMap;
  /** Environment folders the file map fully describes. */
  readonly scopeDirs: readonly string[];
  /** Folders kept as they are (services whose manifests did not change). */
  readonly kept: ReadonlySet<string>;
  readonly outcomes: readonly EnvOutcome[];
  readonly pins: ReadonlyMap<string, Pin>;
  /** The environment policies' findings over what the run renders (render and recipe refuse to write any). */
  readonly policyFindings: readonly Finding[];
  /** With `imageLookup`: what the registries said about each image asked for (found or not). */
  readonly images?: readonly ImageAnswer[];
  /** The configuration the run read (hand-written files: a run writes none of them). */
  readonly config: ConfigSet;
  /** HEAD and the uncommitted paths as the run's `git status` saw them (the writer skips reading clean files). */
  readonly workTree: WorkTreeState;
  /** With `prepareWrite`: the write plan of every rendered environment, merged (or the refusal it makes). */
  readonly prepared?: PreparedWrite;
  /** Every environment's recipe as the run read it before rendering (a promoted one `recipe` leaves is still that). */
  readonly previous: ReadonlyMap<string, Recipe | undefined>;
}

/** Environments in dependency order: those following main first, then each promoted one after its source. */
export function environmentOrder(config: ConfigSet): string[] {
  const done: string[] = [];
  const visit = (env: string): void => {
    if (done.includes(env)) return;
    const from = config.environment(env).promotion?.from;
    if (from) visit(from);
    done.push(env);
  };
  for (const env of config.environments) if (config.followsMain(env)) visit(env);
  for (const env of config.environments) visit(env);
  return done;
}

/** Every overrides.yaml the run's config read: the render workers' own config reads these alone. */
function overridesFiles(config: ConfigSet): string[] {
  return config.environments.flatMap((env) => config.overrides(env).map((o) => o.file));
}

function previousPins(recipes: ReadonlyArray<Recipe | undefined>): Map<string, Pin> {
  const pins = new Map<string, Pin>();
  for (const r of recipes) for (const [name, e] of Object.entries(r?.services ?? {})) if (!pins.has(name)) pins.set(name, { commit: e.commit, inputs: e.inputs });
  return pins;
}

function selectEnvs(config: ConfigSet, opts: PlanOptions): string[] {
  for (const env of opts.envs ?? []) {
    config.environment(env);
    if (opts.mode === 'recipe' && !config.followsMain(env)) {
      const from = config.environment(env).promotion?.from;
      throw new UsageError(`${env} is promoted from ${from}: its recipe changes only by promotion or rollback`, `eleventh promote --to ${env} --tag <tag>  (or --from ${from})`);
    }
  }
  return environmentOrder(config).filter((e) => !opts.envs || opts.envs.includes(e));
}

async function gatherInputs(opts: PlanOptions, warmed: Promise<void> | undefined, onEarly: (early: EarlyInputs) => void): Promise<RunInputs> {
  const { root } = opts;
  const graph = opts.graph ?? startGraph(root); // Nx works in its own process while the config and recipes are read
  const config = timed('config', () => loadConfig(root));
  const envs = selectEnvs(config, opts);
  const followers = config.environments.filter((e) => config.followsMain(e));
  const previous = new Map(config.environments.map((e) => [e, readRecipe(root, e)] as const));
  // Loaded while Nx still works (every run renders with it), not after the graph arrives.
  timed('kit', () => loadKit(root));
  // Read before the pins (which take it as read): promoted environments can then render while Nx works.
  const dirty = timed('pins: git status', () => uncommittedPaths(root));
  onEarly({ config, envs, previous, dirty });
  const pinResult = await timed('pins', () =>
    computePins({ root, graph, dirty, previous: previousPins(followers.map((e) => previous.get(e))), allowDirty: opts.allowDirty, base: opts.base, head: opts.head, headIsWorkTree: opts.headIsWorkTree }),
  );
  // A warm-up (warm-up.ts) fills the caches the next two steps read.
  if (warmed) await timed('warm-up (wait)', () => warmed);
  // Type-checked before any of them runs (only the changed ones: load/typecheck.ts caches what passed).
  timed('typecheck', () => typeCheckDeployFiles(root, pinResult.services.map((s) => `${s.root}/deploy.ts`), pinResult.cleanBlob));
  const headers = timed('headers', () => readServiceHeaders(root, pinResult.services, pinResult.cleanBlob));
  const overrideErrors = checkOverrides(config, new Map(headers.map((h) => [h.name, h.namespace])));
  if (overrideErrors.length > 0) throw new ConfigErrors(overrideErrors);
  const services = headers.map((h) => {
    const pin = pinResult.pins.get(h.name)!;
    return { name: h.name, namespace: h.namespace, commit: pin.commit, inputs: pin.inputs, deployFile: h.deployFile, deployHash: h.deployHash };
  });
  const { digests, images } = await followerDigests(config, envs, previous, services, opts.imageLookup);
  return { config, envs, previous, services, pins: pinResult.pins, digests, images, dirty };
}

export async function planRun(opts: PlanOptions): Promise<Plan> {
  // Settings are checked on every run, not only on the run that first needs them (a CI typo would wait for
  // the first changed deploy.ts, or the first exception, to fail).
  deployTimeout();
  today();
  const full = opts.mode === 'render';
  // The render pool starts now and its workers load the deploy.ts files (type-checking them on a cold cache).
  const warm = startWarmUp(opts.root, full);
  let pool = warm?.pool;
  let renderer: EnvRenderer | undefined;
  let planner: WritePlanner | undefined;
  // Each environment's files get its recipe, and its write is planned, as soon as it is rendered.
  const finish = (env: string, job: Promise<Job | undefined>): Promise<Job | undefined> =>
    job.then((j) => {
      if (!j) return j;
      j.files.set(recipePath(env), serializeRecipe(j.outcome.recipe));
      planner?.plan(env, j.files, new Set(j.kept));
      return j;
    });
  // Promoted environments with a recipe render while Nx builds the graph (env-renderer.ts).
  const early = new Map<string, Promise<Job | undefined>>();
  let jobs: Array<Job | undefined>;
  let run: RunInputs;
  let prepared: PreparedWrite | undefined;
  try {
    run = await gatherInputs(opts, warm?.done, (inputs) => {
      const first = (renderer = new EnvRenderer(opts.root, inputs, opts.mode, opts.recheck === true));
      if (opts.prepareWrite) planner = new WritePlanner(opts.root, { head: first.head, dirty: inputs.dirty });
      // A full render compares every file of every environment that has one: their blob ids are read now.
      if (full) for (const env of inputs.envs) if (inputs.previous.get(env)) planner?.prefetch(env);
      const soon = inputs.envs.filter((e) => first.rendersEarly(e));
      // A full render renders every service of every environment: about what the recipes hold.
      if (soon.length > 0) pool ??= RenderPool.forRun(inputs.envs.reduce((n, e) => n + Object.keys(inputs.previous.get(e)?.services ?? {}).length, 0));
      pool?.shareScan(opts.root, overridesFiles(inputs.config));
      for (const env of soon) {
        const job = finish(env, first.render(env, pool));
        job.catch(() => undefined); // reported below, after the pins (whose errors come first)
        early.set(env, job);
      }
    });
    const later = run.envs.filter((env) => !early.has(env));
    pool ??= RenderPool.forRun(later.reduce((n, env) => n + estimateRenders(run.config, env, run.previous.get(env), run.services, full), 0));
    pool?.shareScan(opts.root, overridesFiles(run.config));
    // gatherInputs calls its callback before it returns: a run without a renderer here is a bug, said as one.
    if (!renderer) throw new Error('internal: the run gathered its inputs without announcing the early ones');
    const r = renderer;
    jobs = await Promise.all(run.envs.map((env) => early.get(env) ?? finish(env, r.render(env, pool, run))));
    prepared = await planner?.merged(run.envs.filter((_, i) => jobs[i] !== undefined));
  } finally {
    await pool?.close();
    savePassedChecks();
    // A run that failed before the early renders were taken lets them end (a materialised release removes its folder).
    await Promise.allSettled(early.values());
  }
  const files: FileMap = new Map();
  const kept = new Set<string>();
  const outcomes: EnvOutcome[] = [];
  const policyFindings: Finding[] = [];
  for (const job of jobs) {
    if (!job) continue;
    policyFindings.push(...job.policy);
    for (const [path, content] of job.files) files.set(path, content);
    job.kept.forEach((d) => kept.add(d));
    outcomes.push(job.outcome);
  }
  return { files, scopeDirs: outcomes.map((o) => `environments/${o.environment}`), kept, outcomes, pins: run.pins, policyFindings: sortFindings(policyFindings), ...(run.images ? { images: run.images } : {}), config: run.config, workTree: { head: renderer.head, dirty: run.dirty }, previous: run.previous, ...(prepared ? { prepared } : {}) };
}
