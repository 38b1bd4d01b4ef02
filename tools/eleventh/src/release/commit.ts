/** `--commit`: one commit per changed environment, whose message names the environment, the moves and the tag. */
import { git, gitText } from '../git/run';
import type { Recipe } from '../model';
import { describeMove, movedBetween } from './moved';

export type ReleaseAction = 'recipe' | 'promote' | 'rollback';

export interface EnvChange {
  readonly environment: string;
  readonly previous?: Recipe;
  readonly recipe: Recipe;
  /** Further trailers (`Key: value`): the signer, a break-glass reason, what a rollback rolled back. */
  readonly trailers?: readonly string[];
  /** Environments that change in the same commit (the mirrors of a promoted environment). */
  readonly mirrors?: readonly EnvChange[];
}

export function commitMessage(action: ReleaseAction, change: EnvChange): string {
  const moves = movedBetween(change.previous, change.recipe);
  const pf = change.recipe.promotedFrom;
  const tag = action === 'recipe' ? undefined : pf?.tag;
  const what = action === 'recipe' ? `recipe ${change.environment}` : `${action} ${change.environment}${tag ? ` to ${tag}` : pf ? ` from ${pf.environment} at ${pf.commit.slice(0, 12)}` : ''}`;
  const subject = `eleventh ${what}: ${moves.length === 0 ? 'no service moved' : `${moves.length} service${moves.length === 1 ? '' : 's'} moved`}`;
  const body = moves.map(describeMove);
  const mirrors = (change.mirrors ?? []).map((m) => `mirrored to ${m.environment}: ${movedBetween(m.previous, m.recipe).length} moved`);
  const trailers = [`Eleventh-Action: ${action}`, `Eleventh-Environment: ${change.environment}`];
  if (pf) trailers.push(`Eleventh-Promoted-From: ${pf.environment}@${pf.commit}`);
  if (pf?.sources && pf.sources !== pf.commit) trailers.push(`Eleventh-Sources: ${pf.sources}`);
  if (tag) trailers.push(`Eleventh-Tag: ${tag}`);
  for (const m of change.mirrors ?? []) trailers.push(`Eleventh-Mirror: ${m.environment}`);
  trailers.push(...(change.trailers ?? []));
  return [subject, '', ...(body.length > 0 ? [...body, ''] : []), ...(mirrors.length > 0 ? [...mirrors, ''] : []), ...trailers].join('\n');
}

/**
 * Stage and commit `environments/<env>` (and its mirrors' folders) alone; undefined when nothing there
 * changed. git's own signing configuration (`commit.gpgsign`, `gpg.format`) applies as to any commit.
 */
export function commitEnvironment(root: string, action: ReleaseAction, change: EnvChange): string | undefined {
  const dirs = [change, ...(change.mirrors ?? [])].map((c) => `environments/${c.environment}`);
  git(['add', '--all', '--', ...dirs], { cwd: root });
  const staged = git(['diff', '--cached', '--quiet', '--', ...dirs], { cwd: root, okCodes: [0, 1] });
  if (staged.status === 0) return undefined;
  git(['commit', '--quiet', '--no-verify', '-m', commitMessage(action, change), '--', ...dirs], { cwd: root });
  return gitText(['rev-parse', 'HEAD'], { cwd: root });
}
