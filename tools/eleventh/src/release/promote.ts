/**
 * `promote --to ENV --tag T`: render ENV from the repository exactly as at the tag's commit, with the source
 * environment's pins there. `--from`: the source's recipe as committed at HEAD, no tag. Every check runs
 * before anything is rendered or written.
 */
import { ConfigError } from '../errors';
import { git, revParse } from '../git/run';
import type { Recipe } from '../model';
import { recipePath } from '../recipe/recipe';
import { ReleaseRefusedError } from './errors';
import { recipeAt } from './git-read';
import { loadReleaseConfig, promotionOf, renderRelease, type ReleasePlan } from './release-plan';
import { checkSourceRecipe } from './source-check';
import { matchesTag } from './tags';

export interface PromoteOptions {
  readonly root: string;
  readonly to: string;
  /** Promote this tag's commit; absent: the source's recipe at HEAD. */
  readonly tag?: string;
}

function tagCommit(root: string, to: string, tag: string, pattern: string): string {
  const refuse = (why: string): never => {
    throw new ReleaseRefusedError(`promote ${to} to ${tag}`, [why]);
  };
  if (!matchesTag(pattern, tag)) refuse(`environments/${to}/environment.yaml: tag '${tag}' does not match promotion.tags '${pattern}'`);
  const res = git(['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`], { cwd: root, okCodes: [0, 1, 128] });
  if (res.status !== 0) refuse(`tag '${tag}' does not exist in this repository (expected \`git tag ${tag} <commit>\` and \`git fetch --tags\`)`);
  return res.stdout.trim();
}

function sourceRecipe(root: string, commit: string, from: string, action: string): Recipe {
  const where = `${commit.slice(0, 12)}:${recipePath(from)}`;
  let recipe: Recipe | undefined;
  try {
    recipe = recipeAt(root, commit, from);
  } catch (err) {
    if (err instanceof ConfigError) throw new ReleaseRefusedError(action, [err.message]);
    throw err;
  }
  if (!recipe) throw new ReleaseRefusedError(action, [`${where}: ${from} has no recipe at ${commit.slice(0, 12)} (expected \`eleventh recipe --commit\` to have run there)`]);
  const findings = checkSourceRecipe(root, commit, recipe, where);
  if (findings.length > 0) throw new ReleaseRefusedError(action, findings);
  return recipe;
}

export async function planPromotion(opts: PromoteOptions): Promise<ReleasePlan> {
  const { root, to, tag } = opts;
  const promotion = promotionOf(loadReleaseConfig(root), to);
  const commit = tag ? tagCommit(root, to, tag, promotion.tags) : revParse('HEAD', root);
  const action = `promote ${to} ${tag ? `to ${tag}` : `from ${promotion.from} at ${commit.slice(0, 12)}`}`;
  const source = sourceRecipe(root, commit, promotion.from, action);
  const services = Object.fromEntries(Object.entries(source.services).map(([n, e]) => [n, { ...e }]));
  return renderRelease(root, { environment: to, promotedFrom: { environment: promotion.from, commit, ...(tag ? { tag } : {}) }, services });
}
