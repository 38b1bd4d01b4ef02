/** `rollback ENV --to TAG`: restore ENV's recipe as TAG's promotion left it, re-rendered from its sources; a new commit. */
import { UsageError } from '../errors';
import type { Recipe } from '../model';
import { recipeLog } from './recipe-log';
import { loadReleaseConfig, promotionOf, renderRelease, type ReleasePlan } from './release-plan';

export interface RollbackOptions {
  readonly root: string;
  readonly environment: string;
  readonly tag: string;
}

/** The recipe as it stood right after `tag`'s promotion of `env` (newest such commit), from the recipe's history. */
export function recipeAfterPromotion(root: string, env: string, tag: string): Recipe {
  const log = recipeLog(root, env);
  const hit = log.find((c) => c.recipe?.promotedFrom?.tag === tag);
  if (hit?.recipe) return hit.recipe;
  const seen = [...new Set(log.map((c) => c.recipe?.promotedFrom?.tag).filter((t): t is string => !!t))];
  throw new UsageError(
    `rollback: no commit in the history of environments/${env}/recipe.yaml records a promotion to '${tag}'`,
    seen.length > 0 ? `tags promoted to ${env}: ${seen.join(', ')}` : `${env} has no tagged promotion yet`,
  );
}

export async function planRollback(opts: RollbackOptions): Promise<ReleasePlan> {
  promotionOf(loadReleaseConfig(opts.root), opts.environment);
  const recipe = recipeAfterPromotion(opts.root, opts.environment, opts.tag);
  return renderRelease(opts.root, recipe);
}
