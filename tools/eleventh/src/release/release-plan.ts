/** A promotion or rollback planned in memory: one environment's files and recipe, written via engine/apply. */
import { loadConfig, type ConfigSet } from '../config/load';
import { apply, changedPaths, writePlanFor } from '../engine/apply';
import { engineIdentity } from '../engine/identity';
import { renderPromoted } from '../engine/promoted';
import { UsageError } from '../errors';
import type { PromotionConfig, Recipe } from '../model';
import { readRecipe, recipePath, serializeRecipe } from '../recipe/recipe';
import type { FileMap } from '../render/files';

export interface ReleasePlan {
  readonly environment: string;
  /** The recipe on disk before (undefined: none yet). */
  readonly previous?: Recipe;
  readonly recipe: Recipe;
  readonly files: FileMap;
}

/** The environment's promotion settings (current config); an environment that follows main is refused. */
export function promotionOf(config: ConfigSet, env: string): PromotionConfig {
  const promotion = config.environment(env).promotion;
  if (!promotion) throw new UsageError(`${env} follows main: it is updated by \`eleventh recipe\`, not promoted`, 'promote an environment whose environment.yaml has promotion.from');
  return promotion;
}

export function loadReleaseConfig(root: string): ConfigSet {
  return loadConfig(root);
}

/** Render `recipe` (its services, from its promotedFrom commit's sources) into a full plan for its environment. */
export async function renderRelease(root: string, recipe: Recipe): Promise<ReleasePlan> {
  const env = recipe.environment;
  const files: FileMap = new Map();
  const rendered = await renderPromoted({ root, environment: env, recipe, engineId: engineIdentity() }, files);
  files.set(recipePath(env), serializeRecipe(rendered));
  return { environment: env, previous: readRecipe(root, env), recipe: rendered, files };
}

/** Write the plan (only changed files; everything generated under environments/<env> not in it is pruned). */
export async function writeRelease(root: string, plan: ReleasePlan): Promise<string[]> {
  const wp = writePlanFor(root, { files: plan.files, scopeDirs: [`environments/${plan.environment}`], kept: new Set(), outcomes: [], pins: new Map() });
  const changes = changedPaths(wp);
  await apply(root, wp);
  return changes;
}
