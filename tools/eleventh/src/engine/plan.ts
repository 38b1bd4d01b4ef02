/**
 * One engine run, entirely in memory: resolve config → compute pins → build, validate and serialise every
 * file that must change → recipes. Nothing is written here (see engine/apply.ts).
 */
import { dirname } from 'node:path';
import { loadConfig, checkOverrides, type ConfigSet } from '../config/load';
import { ConfigErrors, UsageError } from '../errors';
import { loadKit, kitEntry } from '../load/kit';
import { readServiceHeaders } from '../load/services';
import type { Pin, Recipe, RecipeEntry } from '../model';
import { computePins, startGraph } from '../pins/compute';
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

export interface PlanOptions {
  readonly root: string;
  /** `recipe` reuses unchanged services; `render` re-renders everything. */
  readonly mode: 'recipe' | 'render';
  readonly envs?: readonly string[];
  readonly allowDirty?: boolean;
  readonly base?: string;
  readonly head?: string;
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

export async function planRun(opts: PlanOptions): Promise<Plan> {
  const { root } = opts;
  const graph = startGraph(root);
  const config = timed('config', () => loadConfig(root));
  const envs = selectEnvs(config, opts);
  const followers = config.environments.filter((e) => config.followsMain(e));
  const previous = new Map(config.environments.map((e) => [e, readRecipe(root, e)] as const));
  const pinResult = await timed('pins', () =>
    computePins({ root, graph, previous: previousPins(followers.map((e) => previous.get(e))), allowDirty: opts.allowDirty, base: opts.base, head: opts.head }),
  );
  const headers = timed('headers', () => readServiceHeaders(root, pinResult.services, pinResult.cleanBlob));
  const overrideErrors = checkOverrides(config, new Map(headers.map((h) => [h.name, h.namespace])));
  if (overrideErrors.length > 0) throw new ConfigErrors(overrideErrors);
  const services: ServiceToRender[] = headers.map((h) => {
    const pin = pinResult.pins.get(h.name)!;
    return { name: h.name, namespace: h.namespace, commit: pin.commit, inputs: pin.inputs, deployFile: h.deployFile, deployHash: h.deployHash };
  });
  const kit = loadKit(root);
  const base = { kit, kitId: folderIdentity(dirname(kitEntry(root))), engineId: engineIdentity() };
  const head = gitText(['rev-parse', 'HEAD'], { cwd: root });
  const full = opts.mode === 'render';
  const jobs = envs.map((env) => ({ env, prev: previous.get(env) }));
  const pool = RenderPool.forRun(jobs.reduce((n, j) => n + estimateRenders(config, j.env, j.prev, services, full), 0));
  /** The entries a promoted environment without a recipe is seeded with: its source's, as of this run. */
  const seedOf = (env: string): Record<string, RecipeEntry> | undefined => {
    const from = config.environment(env).promotion!.from;
    if (config.followsMain(from)) return Object.fromEntries(services.map((s) => [s.name, seedEntry(s)]));
    return previous.get(from)?.services ?? seedOf(from);
  };
  const renderJob = async (env: string, prev: Recipe | undefined): Promise<Job | undefined> => {
    const files: FileMap = new Map();
    if (config.followsMain(env)) {
      const out = await timed(`render ${env}`, () =>
        renderServices(pool, { ...base, sourceRoot: root, environment: env, config, services, previous: prev?.services, full }, files),
      );
      renderEnvironmentLayers(kit, { environment: config.environment(env), tenants: tenantsOf(config, env), services: namesByNamespace(services) }, files);
      return { files, kept: out.kept, outcome: { environment: env, previous: prev, recipe: { environment: env, services: out.entries }, rendered: out.rendered, seeded: false } };
    }
    if (prev && !full) return undefined;
    const seed = prev ? undefined : seedOf(env);
    if (!prev && !seed) return undefined;
    const from = config.environment(env).promotion!.from;
    const toRender: Recipe = prev ?? { environment: env, promotedFrom: { environment: from, commit: head }, services: seed! };
    const recipe = await timed(`render ${env}`, () => renderPromoted({ root, environment: env, recipe: toRender, engineId: base.engineId, currentConfig: config, pool }, files));
    return { files, kept: [], outcome: { environment: env, previous: prev, recipe, rendered: Object.keys(recipe.services), seeded: !prev } };
  };
  let done: Array<Job | undefined>;
  try {
    done = await Promise.all(jobs.map((j) => renderJob(j.env, j.prev)));
  } finally {
    await pool?.close();
  }
  const files: FileMap = new Map();
  const kept = new Set<string>();
  const outcomes: EnvOutcome[] = [];
  for (const job of done) {
    if (!job) continue;
    for (const [path, content] of job.files) files.set(path, content);
    job.kept.forEach((d) => kept.add(d));
    files.set(recipePath(job.outcome.environment), serializeRecipe(job.outcome.recipe));
    outcomes.push(job.outcome);
  }
  return { files, scopeDirs: outcomes.map((o) => `environments/${o.environment}`), kept, outcomes, pins: pinResult.pins };
}

interface Job {
  readonly files: FileMap;
  readonly kept: readonly string[];
  readonly outcome: EnvOutcome;
}

/** How many services an environment's run will render, roughly (decides whether threads pay). */
function estimateRenders(config: ConfigSet, env: string, prev: Recipe | undefined, services: readonly ServiceToRender[], full: boolean): number {
  if (!config.followsMain(env)) return prev && !full ? 0 : services.length;
  if (full || !prev) return services.length;
  return services.filter((s) => prev.services[s.name]?.commit !== s.commit || prev.services[s.name]?.inputs !== s.inputs).length;
}

/** A seed entry: what promotion copies (namespace, pin, inputs); image and digest are rendered anew. */
function seedEntry(s: ServiceToRender): RecipeEntry {
  return { namespace: s.namespace, commit: s.commit, inputs: s.inputs, image: '', digest: '' };
}
