/** `--commit`: one commit per changed environment, whose message names the environment, the moves and the tag. */
import { git, gitText } from '../git/run';
import type { Recipe } from '../model';
import { describeMove, movedBetween } from './moved';

export type ReleaseAction = 'recipe' | 'promote' | 'rollback';

export interface EnvChange {
  readonly environment: string;
  readonly previous?: Recipe;
  readonly recipe: Recipe;
}

export function commitMessage(action: ReleaseAction, change: EnvChange): string {
  const moves = movedBetween(change.previous, change.recipe);
  const pf = change.recipe.promotedFrom;
  const tag = action === 'recipe' ? undefined : pf?.tag;
  const what = action === 'recipe' ? `recipe ${change.environment}` : `${action} ${change.environment}${tag ? ` to ${tag}` : pf ? ` from ${pf.environment} at ${pf.commit.slice(0, 12)}` : ''}`;
  const subject = `eleventh ${what}: ${moves.length === 0 ? 'no service moved' : `${moves.length} service${moves.length === 1 ? '' : 's'} moved`}`;
  const body = moves.map(describeMove);
  const trailers = [`Eleventh-Environment: ${change.environment}`];
  if (pf) trailers.push(`Eleventh-Promoted-From: ${pf.environment}@${pf.commit}`);
  if (tag) trailers.push(`Eleventh-Tag: ${tag}`);
  return [subject, '', ...(body.length > 0 ? [...body, ''] : []), ...trailers].join('\n');
}

/** Stage and commit `environments/<env>` alone; undefined when nothing there changed. */
export function commitEnvironment(root: string, action: ReleaseAction, change: EnvChange): string | undefined {
  const dir = `environments/${change.environment}`;
  git(['add', '--all', '--', dir], { cwd: root });
  const staged = git(['diff', '--cached', '--quiet', '--', dir], { cwd: root, okCodes: [0, 1] });
  if (staged.status === 0) return undefined;
  git(['commit', '--quiet', '--no-verify', '-m', commitMessage(action, change), '--', dir], { cwd: root });
  return gitText(['rev-parse', 'HEAD'], { cwd: root });
}
