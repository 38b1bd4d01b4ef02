/**
 * One engine run, entirely in memory: resolve config → compute pins → build, validate and serialise every
 * file that must change → recipes. Nothing is written here (see engine/apply.ts).
 */
import { dirname } from 'node:path';
import { loadConfig, checkOverrides, type ConfigSet } from '../config/load';
import { ConfigErrors, UsageError } from '../errors';
import { loadKit, kitEntry, loadLocalProfiles, type Kit } from '../load/kit';
import { readServiceHeaders } from '../load/services';
import { typeCheckDeployFiles } from '../load/typecheck';
import { sourcesOf, type Pin, type PromotedFrom, type Recipe, type RecipeEntry } from '../model';
import { computePins, startGraph } from '../pins/compute';
import type { GraphInputs } from '../pins/inputs';
import { gitText } from '../git/run';
import { readRecipe, recipePath, serializeRecipe } from '../recipe/recipe';
import { renderEnvironmentLayers } from '../render/environment';
import type { FileMap } from '../render/files';
import { engineIdentity, folderIdentity } from './identity';
import { renderPromoted } from './promoted';
import type { ServiceToRender } from './services-env';
import { RenderPool, renderServices } from './render-pool';
import { namesByNamespace, tenantsOf } from './layout';
import { timed } from '../timing';
import { environmentPolicyFindings } from '../policy/check';
import { today } from '../policy/clock';
import { deployTimeout } from '../load/deploy-timeout';
import { sortFindings, type Finding } from '../findings';
import { tracked } from '../progress';
import { withDigests, type KnownDigests } from '../images/digests';
import type { ImageAnswer, ImageLookup } from '../images/lookup';
import { followerDigests } from './follower-digests';
import { inScope, policyScope } from './policy-scope';
import { startWarmUp } from './warm-up';
import type { WorkTreeState } from './worktree';

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
}

export interface EnvOutcome {
  readonly environment: string;
  readonly previous?: Recipe;
  readonly recipe: Recipe;
  readonly rendered: readonly string[];
  readonly seeded: boolean;
}

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

/** Everything a run knows before it renders: config, previous recipes, pins, and the services to render. */
interface RunInputs {
  readonly config: ConfigSet;
  readonly envs: readonly string[];
  readonly previous: ReadonlyMap<string, Recipe | undefined>;
  readonly services: readonly ServiceToRender[];
  readonly pins: ReadonlyMap<string, Pin>;
  /** Environments that follow main → service → its registry digests (kept from the recipe, or looked up). */
  readonly digests: ReadonlyMap<string, Record<string, KnownDigests>>;
  readonly images?: readonly ImageAnswer[];
  /** Uncommitted paths, as the pins step's `git status` read them. */
  readonly dirty: readonly string[];
}

async function gatherInputs(opts: PlanOptions, warmed?: Promise<void>): Promise<RunInputs> {
  const { root } = opts;
  const graph = opts.graph ?? startGraph(root); // Nx works in its own process while the config and recipes are read
  const config = timed('config', () => loadConfig(root));
  const envs = selectEnvs(config, opts);
  const followers = config.environments.filter((e) => config.followsMain(e));
  const previous = new Map(config.environments.map((e) => [e, readRecipe(root, e)] as const));
  // Loaded while Nx still works (every run renders with it), not after the graph arrives.
  timed('kit', () => loadKit(root));
  const pinResult = await timed('pins', () =>
    computePins({ root, graph, previous: previousPins(followers.map((e) => previous.get(e))), allowDirty: opts.allowDirty, base: opts.base, head: opts.head, headIsWorkTree: opts.headIsWorkTree }),
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
  return { config, envs, previous, services, pins: pinResult.pins, digests, images, dirty: pinResult.dirty };
}

/** Renders one environment of a run into its own file map (environments are independent jobs). */
class EnvRenderer {
  private readonly kit: Kit;
  private readonly base: { kit: Kit; kitId: string; engineId: string };
  /** HEAD's SHA as the run renders it. */
  readonly head: string;
  private readonly full: boolean;

  constructor(private readonly root: string, private readonly run: RunInputs, mode: PlanOptions['mode'], private readonly pool?: RenderPool) {
    this.kit = loadKit(root);
    this.base = { kit: this.kit, kitId: folderIdentity(dirname(kitEntry(root))), engineId: engineIdentity() };
    this.head = gitText(['rev-parse', 'HEAD'], { cwd: root });
    this.full = mode === 'render';
  }

  async render(env: string): Promise<Job | undefined> {
    return this.run.config.followsMain(env) ? this.followingMain(env) : this.promoted(env);
  }

  private async followingMain(env: string): Promise<Job> {
    const { config, services } = this.run;
    const prev = this.run.previous.get(env);
    const files: FileMap = new Map();
    const input = { ...this.base, sourceRoot: this.root, environment: env, config, services, previous: prev?.services, full: this.full, digests: this.run.digests.get(env) };
    const out = await timed(`render ${env}`, () => tracked(`rendering ${env}`, services.length, (p) => renderServices(this.pool, input, files, p)));
    const layers = renderEnvironmentLayers(this.kit, { environment: config.environment(env), tenants: tenantsOf(config, env), services: namesByNamespace(services) }, files, { localProfiles: loadLocalProfiles(this.root), sourceRoot: this.root });
    const recipe: Recipe = { environment: env, services: out.entries, ...withAddons(layers.addons) };
    // `recipe` re-checks the namespaces whose verdict can have moved (policy-scope.ts); `render` checks all.
    const scope = this.full ? 'all' : policyScope({ root: this.root, environment: env, previous: prev, services, rendered: out.rendered });
    const checked = inScope(services, scope);
    const policy = environmentPolicyFindings(this.kit, { environment: env, config, services: checked, files, kept: new Set(out.kept), root: this.root, objects: new Map(out.objects) });
    return { files, kept: out.kept, policy, outcome: { environment: env, previous: prev, recipe, rendered: out.rendered, seeded: false } };
  }

  /** `recipe` leaves a promoted environment alone unless it has no recipe yet (then it is seeded). */
  private async promoted(env: string): Promise<Job | undefined> {
    const prev = this.run.previous.get(env);
    if (prev && !this.full) return undefined;
    const seed = prev ? undefined : this.seedOf(env);
    const record = prev ? prev.promotedFrom : this.seedRecord(env);
    if (!prev && (!seed || !record)) return undefined;
    const toRender: Recipe = prev ?? { environment: env, promotedFrom: record, services: seed! };
    const mirrorOf = this.run.config.environment(env).promotion!.mirrorOf;
    const mirrored = mirrorOf ? this.run.previous.get(mirrorOf) : undefined;
    if (mirrorOf && !mirrored) return undefined; // a mirror is seeded once the environment it mirrors has a recipe
    const files: FileMap = new Map();
    const policy: Finding[] = [];
    const input = { root: this.root, environment: env, recipe: toRender, engineId: this.base.engineId, currentConfig: this.run.config, pool: this.pool, mirrored, policyFindings: policy, workTree: { head: this.head, dirty: this.run.dirty } };
    const recipe = await timed(`render ${env}`, () => tracked(`rendering ${env}`, undefined, () => renderPromoted(input, files)));
    return { files, kept: [], policy, outcome: { environment: env, previous: prev, recipe, rendered: Object.keys(recipe.services), seeded: !prev } };
  }

  /** The record a seed carries: its source at HEAD (for a mirror: the mirrored environment's record, own files at HEAD). */
  private seedRecord(env: string): PromotedFrom | undefined {
    const promotion = this.run.config.environment(env).promotion!;
    const source = promotion.from;
    if (promotion.mirrorOf) {
      const pf = this.run.previous.get(source)?.promotedFrom;
      return pf ? { ...pf, commit: this.head, sources: sourcesOf(pf), mirrorOf: source } : undefined;
    }
    if (this.run.config.followsMain(source)) return { environment: source, commit: this.head, sources: this.head };
    const sourcePf = this.run.previous.get(source)?.promotedFrom ?? this.seedRecord(source);
    return sourcePf ? { environment: source, commit: this.head, sources: sourcesOf(sourcePf) } : undefined;
  }

  /** The entries a promoted environment without a recipe is seeded with: its source's, as of this run. */
  private seedOf(env: string): Record<string, RecipeEntry> | undefined {
    const from = this.run.config.environment(env).promotion!.from;
    if (this.run.config.followsMain(from)) return Object.fromEntries(this.run.services.map((s) => [s.name, seedEntry(s, this.run.digests.get(from)?.[s.name])]));
    return this.run.previous.get(from)?.services ?? this.seedOf(from);
  }
}

export async function planRun(opts: PlanOptions): Promise<Plan> {
  // Settings are checked on every run, not only on the run that first needs them (a CI typo would wait for
  // the first changed deploy.ts, or the first exception, to fail).
  deployTimeout();
  today();
  // On a cold cache the render pool starts now and type-checks and loads the deploy.ts files meanwhile.
  const warm = startWarmUp(opts.root);
  let pool = warm?.pool;
  let jobs: Array<Job | undefined>;
  let run: RunInputs;
  let renderedHead: string;
  try {
    run = await gatherInputs(opts, warm?.done);
    const full = opts.mode === 'render';
    pool ??= RenderPool.forRun(run.envs.reduce((n, env) => n + estimateRenders(run.config, env, run.previous.get(env), run.services, full), 0));
    const renderer = new EnvRenderer(opts.root, run, opts.mode, pool);
    renderedHead = renderer.head;
    jobs = await Promise.all(run.envs.map((env) => renderer.render(env)));
  } finally {
    await pool?.close();
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
    files.set(recipePath(job.outcome.environment), serializeRecipe(job.outcome.recipe));
    outcomes.push(job.outcome);
  }
  return { files, scopeDirs: outcomes.map((o) => `environments/${o.environment}`), kept, outcomes, pins: run.pins, policyFindings: sortFindings(policyFindings), ...(run.images ? { images: run.images } : {}), config: run.config, workTree: { head: renderedHead, dirty: run.dirty }, previous: run.previous };
}

interface Job {
  readonly files: FileMap;
  readonly policy: readonly Finding[];
  readonly kept: readonly string[];
  readonly outcome: EnvOutcome;
}

/** How many services an environment's run will render, roughly (decides whether threads pay). */
function estimateRenders(config: ConfigSet, env: string, prev: Recipe | undefined, services: readonly ServiceToRender[], full: boolean): number {
  if (!config.followsMain(env)) return prev && !full ? 0 : services.length;
  if (full || !prev) return services.length;
  return services.filter((s) => prev.services[s.name]?.commit !== s.commit || prev.services[s.name]?.inputs !== s.inputs).length;
}

/** The recipe's `addons` key: present only when the environment renders add-ons. */
export function withAddons(addons: Recipe['addons']): Pick<Recipe, 'addons'> {
  return addons && Object.keys(addons).length > 0 ? { addons } : {};
}

/** A seed entry: what promotion copies (namespace, pin, inputs, the image's digests); image and digest are rendered anew. */
function seedEntry(s: ServiceToRender, known: KnownDigests | undefined): RecipeEntry {
  return withDigests({ namespace: s.namespace, commit: s.commit, inputs: s.inputs, image: '', digest: '' }, known);
}
