/**
 * One environment of a run, rendered into its own file map (environments are independent jobs). A promoted
 * environment with a recipe needs nothing the pins step computes (its pins are its recipe's, its sources its
 * `promotedFrom` commit's), so a full render starts it as soon as the config, the recipes and the run's
 * `git status` are read, while Nx still builds the graph; environments that follow main wait for the pins.
 */
import { dirname } from 'node:path';
import type { ConfigSet } from '../config/load';
import { loadKit, kitEntry, loadLocalProfiles, type Kit } from '../load/kit';
import { sourcesOf, type Pin, type PromotedFrom, type Recipe, type RecipeEntry } from '../model';
import { gitText } from '../git/run';
import { renderEnvironmentLayers } from '../render/environment';
import type { FileMap } from '../render/files';
import { engineIdentity, folderIdentity } from './identity';
import { renderPromoted } from './promoted';
import type { ServiceToRender } from './services-env';
import { renderServices, type RenderPool } from './render-pool';
import { namesByNamespace, tenantsOf } from './layout';
import { timed } from '../timing';
import { environmentPolicyFindings } from '../policy/check';
import type { Finding } from '../findings';
import { tracked } from '../progress';
import { withDigests, type KnownDigests } from '../images/digests';
import type { ImageAnswer } from '../images/lookup';
import { inScope, policyScope } from './policy-scope';

/** What a run knows before the Nx graph: enough to render a promoted environment that has a recipe. */
export interface EarlyInputs {
  readonly config: ConfigSet;
  readonly envs: readonly string[];
  readonly previous: ReadonlyMap<string, Recipe | undefined>;
  /** Uncommitted paths, as the run's one `git status` read them. */
  readonly dirty: readonly string[];
}

/** Everything a run knows before it renders: the early inputs, pins, and the services to render. */
export interface RunInputs extends EarlyInputs {
  readonly services: readonly ServiceToRender[];
  readonly pins: ReadonlyMap<string, Pin>;
  /** Environments that follow main → service → its registry digests (kept from the recipe, or looked up). */
  readonly digests: ReadonlyMap<string, Record<string, KnownDigests>>;
  readonly images?: readonly ImageAnswer[];
}

export interface Job {
  readonly files: FileMap;
  readonly policy: readonly Finding[];
  readonly kept: readonly string[];
  readonly outcome: EnvOutcome;
}

export interface EnvOutcome {
  readonly environment: string;
  readonly previous?: Recipe;
  readonly recipe: Recipe;
  readonly rendered: readonly string[];
  readonly seeded: boolean;
}

export class EnvRenderer {
  private readonly kit: Kit;
  private readonly base: { kit: Kit; kitId: string; engineId: string; recheck: boolean };
  /** HEAD's SHA as the run renders it. */
  readonly head: string;
  private readonly full: boolean;

  /** `recheck`: check every service, reusing no remembered verdict (verify). */
  constructor(private readonly root: string, private readonly early: EarlyInputs, mode: 'recipe' | 'render', recheck = false) {
    this.kit = loadKit(root);
    this.base = { kit: this.kit, kitId: folderIdentity(dirname(kitEntry(root))), engineId: engineIdentity(), recheck };
    this.head = gitText(['rev-parse', 'HEAD'], { cwd: root });
    this.full = mode === 'render';
  }

  /** True when `env` renders from the early inputs alone: a promoted environment with a recipe, in a full render. */
  rendersEarly(env: string): boolean {
    const { config, previous } = this.early;
    if (!this.full || config.followsMain(env) || !previous.get(env)) return false;
    const mirrorOf = config.environment(env).promotion?.mirrorOf;
    return !mirrorOf || previous.get(mirrorOf) !== undefined;
  }

  /** Render `env` (one that rendersEarly needs no `run`). */
  async render(env: string, pool: RenderPool | undefined, run?: RunInputs): Promise<Job | undefined> {
    if (this.early.config.followsMain(env)) return this.followingMain(env, pool, need(run));
    return this.promoted(env, pool, run);
  }

  private async followingMain(env: string, pool: RenderPool | undefined, run: RunInputs): Promise<Job> {
    const { config, services } = run;
    const prev = run.previous.get(env);
    const files: FileMap = new Map();
    const input = { ...this.base, sourceRoot: this.root, environment: env, config, services, previous: prev?.services, full: this.full, digests: run.digests.get(env) };
    const out = await timed(`render ${env}`, () => tracked(`rendering ${env}`, services.length, (p) => renderServices(pool, input, files, p)));
    const layers = renderEnvironmentLayers(this.kit, { environment: config.environment(env), tenants: tenantsOf(config, env), services: namesByNamespace(services) }, files, { localProfiles: loadLocalProfiles(this.root), sourceRoot: this.root });
    const recipe: Recipe = { environment: env, services: out.entries, ...withAddons(layers.addons) };
    // `recipe` re-checks the namespaces whose verdict can have moved (policy-scope.ts); `render` checks all.
    const scope = this.full ? 'all' : policyScope({ root: this.root, environment: env, previous: prev, services, rendered: out.rendered });
    const checked = inScope(services, scope);
    const policy = environmentPolicyFindings(this.kit, { environment: env, config, services: checked, files, kept: new Set(out.kept), root: this.root, objects: new Map(out.objects) });
    return { files, kept: out.kept, policy, outcome: { environment: env, previous: prev, recipe, rendered: out.rendered, seeded: false } };
  }

  /** `recipe` leaves a promoted environment alone unless it has no recipe yet (then it is seeded, from `run`). */
  private async promoted(env: string, pool: RenderPool | undefined, run: RunInputs | undefined): Promise<Job | undefined> {
    const { config, previous } = this.early;
    const prev = previous.get(env);
    if (prev && !this.full) return undefined;
    const seed = prev ? undefined : this.seedOf(env, need(run));
    const record = prev ? prev.promotedFrom : this.seedRecord(env);
    if (!prev && (!seed || !record)) return undefined;
    const toRender: Recipe = prev ?? { environment: env, promotedFrom: record, services: seed! };
    const mirrorOf = config.environment(env).promotion!.mirrorOf;
    const mirrored = mirrorOf ? previous.get(mirrorOf) : undefined;
    if (mirrorOf && !mirrored) return undefined; // a mirror is seeded once the environment it mirrors has a recipe
    const files: FileMap = new Map();
    const policy: Finding[] = [];
    const input = { root: this.root, environment: env, recipe: toRender, engineId: this.base.engineId, recheck: this.base.recheck, currentConfig: config, pool, mirrored, policyFindings: policy, workTree: { head: this.head, dirty: this.early.dirty } };
    const recipe = await timed(`render ${env}`, () => tracked(`rendering ${env}`, undefined, () => renderPromoted(input, files)));
    return { files, kept: [], policy, outcome: { environment: env, previous: prev, recipe, rendered: Object.keys(recipe.services), seeded: !prev } };
  }

  /** The record a seed carries: its source at HEAD (for a mirror: the mirrored environment's record, own files at HEAD). */
  private seedRecord(env: string): PromotedFrom | undefined {
    const { config, previous } = this.early;
    const promotion = config.environment(env).promotion!;
    const source = promotion.from;
    if (promotion.mirrorOf) {
      const pf = previous.get(source)?.promotedFrom;
      return pf ? { ...pf, commit: this.head, sources: sourcesOf(pf), mirrorOf: source } : undefined;
    }
    if (config.followsMain(source)) return { environment: source, commit: this.head, sources: this.head };
    const sourcePf = previous.get(source)?.promotedFrom ?? this.seedRecord(source);
    return sourcePf ? { environment: source, commit: this.head, sources: sourcesOf(sourcePf) } : undefined;
  }

  /** The entries a promoted environment without a recipe is seeded with: its source's, as of this run. */
  private seedOf(env: string, run: RunInputs): Record<string, RecipeEntry> | undefined {
    const from = run.config.environment(env).promotion!.from;
    if (run.config.followsMain(from)) return Object.fromEntries(run.services.map((s) => [s.name, seedEntry(s, run.digests.get(from)?.[s.name])]));
    return run.previous.get(from)?.services ?? this.seedOf(from, run);
  }
}

/** The pinned inputs, which only a promoted environment with a recipe (rendersEarly) may do without. */
function need(run: RunInputs | undefined): RunInputs {
  if (!run) throw new Error('internal: this environment renders only after the pins are known');
  return run;
}

/** How many services an environment's run will render, roughly (decides whether threads pay). */
export function estimateRenders(config: ConfigSet, env: string, prev: Recipe | undefined, services: readonly ServiceToRender[], full: boolean): number {
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
