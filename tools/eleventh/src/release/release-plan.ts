/** A promotion or rollback planned in memory: one environment's files and recipe, written via engine/apply. */
import { loadConfig, type ConfigSet } from '../config/load';
import { apply, changedPaths, writePlanFor } from '../engine/apply';
import { engineIdentity } from '../engine/identity';
import { renderPromoted } from '../engine/promoted';
import { UsageError } from '../errors';
import type { PromotionConfig, Recipe } from '../model';
import { readRecipe, recipePath, serializeRecipe } from '../recipe/recipe';
import type { FileMap } from '../render/files';
import type { EnvChange } from './commit';

export interface ReleasePlan {
  readonly environment: string;
  /** The recipe on disk before (undefined: none yet). */
  readonly previous?: Recipe;
  readonly recipe: Recipe;
  readonly files: FileMap;
  /** Trailers the commit carries (signer, break-glass, rollback). */
  readonly trailers?: readonly string[];
  /** The mirrors of this environment, rendered in the same plan and committed with it. */
  readonly mirrors?: readonly ReleasePlan[];
}

/** The environment's promotion settings (current config); an environment that follows main is refused. */
export function promotionOf(config: ConfigSet, env: string): PromotionConfig {
  const promotion = config.environment(env).promotion;
  if (!promotion) throw new UsageError(`${env} follows main: it is updated by \`eleventh recipe\`, not promoted`, 'promote an environment whose environment.yaml has promotion.from');
  if (promotion.mirrorOf) throw new UsageError(`${env} mirrors ${promotion.mirrorOf}: it changes with every promotion and rollback of ${promotion.mirrorOf}`, `eleventh promote --to ${promotion.mirrorOf} …  or  eleventh rollback ${promotion.mirrorOf} --to <tag>`);
  return promotion;
}

export function loadReleaseConfig(root: string): ConfigSet {
  return loadConfig(root);
}

/** Render `recipe` (its services, from its promotedFrom commit's sources) into a full plan for its environment. */
export async function renderRelease(root: string, recipe: Recipe, mirrored?: Recipe): Promise<ReleasePlan> {
  const env = recipe.environment;
  const files: FileMap = new Map();
  const rendered = await renderPromoted({ root, environment: env, recipe, engineId: engineIdentity(), mirrored }, files);
  files.set(recipePath(env), serializeRecipe(rendered));
  return { environment: env, previous: readRecipe(root, env), recipe: rendered, files };
}

/** Write the plan and its mirrors at once (only changed files; everything generated under their folders not in it is pruned). */
export async function writeRelease(root: string, plan: ReleasePlan): Promise<string[]> {
  const all = [plan, ...(plan.mirrors ?? [])];
  const files: FileMap = new Map(all.flatMap((p) => [...p.files]));
  const wp = writePlanFor(root, { files, scopeDirs: all.map((p) => `environments/${p.environment}`), kept: new Set() });
  const changes = changedPaths(wp);
  await apply(root, wp);
  return changes;
}

/** The change `--commit` records: the environment, its mirrors, and the trailers. */
export function changeOf(plan: ReleasePlan): EnvChange {
  return {
    environment: plan.environment,
    previous: plan.previous,
    recipe: plan.recipe,
    ...(plan.trailers && plan.trailers.length > 0 ? { trailers: plan.trailers } : {}),
    ...(plan.mirrors && plan.mirrors.length > 0 ? { mirrors: plan.mirrors.map((m) => ({ environment: m.environment, previous: m.previous, recipe: m.recipe })) } : {}),
  };
}
