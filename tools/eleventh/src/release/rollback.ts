/** `rollback ENV --to TAG`: restore ENV's recipe as TAG's promotion left it, re-rendered from its sources; a new commit. */
import { UsageError } from '../errors';
import type { Recipe } from '../model';
import { recipeLog } from './recipe-log';
import { planMirrors } from './promote';
import { rollbackTrailer } from './trailers';
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

/**
 * Rollbacks pass no soak or freeze gate: they restore a release the environment already ran. The commit
 * says what it rolled back from and to (Eleventh-Rollback), so history tells it from a promotion.
 */
export async function planRollback(opts: RollbackOptions): Promise<ReleasePlan> {
  const config = loadReleaseConfig(opts.root);
  promotionOf(config, opts.environment);
  const recipe = recipeAfterPromotion(opts.root, opts.environment, opts.tag);
  const plan = await renderRelease(opts.root, recipe);
  const current = plan.previous?.promotedFrom;
  const from = current ? (current.tag ?? current.commit.slice(0, 12)) : '(none)';
  return { ...plan, trailers: [rollbackTrailer(from, opts.tag)], mirrors: await planMirrors(opts.root, config, plan) };
}
