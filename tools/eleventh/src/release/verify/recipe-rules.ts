/**
 * Rules on one recipe against the disk and git history. Each rule is a named function returning every
 * finding ({file, rule, message}); none stops at the first.
 */
import { finding, type Finding } from '../../findings';
import { pinStatuses } from '../../git/ancestry';
import type { Recipe } from '../../model';
import { recipePath } from '../../recipe/recipe';
import { serviceDir } from '../../render/service';
import { digestOf, serviceFilesOnDisk } from '../digest';

export interface RecipeContext {
  readonly root: string;
  readonly recipe: Recipe;
  readonly head: string;
}

const RULE = { digest: 'recipe/digest-matches-files', history: 'recipe/pins-in-history', image: 'recipe/image-ends-with-pin' } as const;

export type RecipeRule = (ctx: RecipeContext) => Finding[];

/** Each service's digest equals the one recomputed from its generated files on disk. */
export const digestMatchesFiles: RecipeRule = ({ root, recipe }) =>
  Object.entries(recipe.services).flatMap(([name, e]) => {
    const dir = serviceDir(recipe.environment, e.namespace, name);
    const files = serviceFilesOnDisk(root, recipe.environment, e.namespace, name);
    if (!files || files.size === 0) return [finding(dir, RULE.digest, `missing: ${name} is in ${recipePath(recipe.environment)} but has no rendered files (expected \`eleventh render --env ${recipe.environment}\`)`)];
    const actual = digestOf(files, dir);
    return actual === e.digest ? [] : [finding(recipePath(recipe.environment), RULE.digest, `${name}: digest ${e.digest} does not match the files in ${dir} (${actual})`)];
  });

/** Every pin is a 40-hex commit that exists and is an ancestor of HEAD. */
export const pinsInHistory: RecipeRule = ({ root, recipe, head }) => {
  const file = recipePath(recipe.environment);
  const shas = [...new Set(Object.values(recipe.services).map((e) => e.commit))];
  const status = pinStatuses(root, shas, head);
  return Object.entries(recipe.services).flatMap(([name, e]) => {
    const s = status.get(e.commit);
    if (s === 'missing') return [finding(file, RULE.history, `${name}: pin ${e.commit} is not a commit in this repository (expected a commit in HEAD's history)`)];
    if (s === 'unrelated') return [finding(file, RULE.history, `${name}: pin ${e.commit} is not an ancestor of HEAD (expected a commit in HEAD's history)`)];
    return [];
  });
};

/** Each image ends with `:<its pin>`. */
export const imageEndsWithPin: RecipeRule = ({ recipe }) =>
  Object.entries(recipe.services)
    .filter(([, e]) => !e.image.endsWith(`:${e.commit}`))
    .map(([name, e]) => finding(recipePath(recipe.environment), RULE.image, `${name}: image '${e.image}' does not end with its pin (expected ':${e.commit}')`));

export const RECIPE_RULES: ReadonlyArray<readonly [string, RecipeRule]> = [
  [RULE.digest, digestMatchesFiles],
  [RULE.history, pinsInHistory],
  [RULE.image, imageEndsWithPin],
];
