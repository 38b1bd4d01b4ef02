/**
 * `--commit`: one commit per changed environment. The message describes the change against the recipe
 * as last COMMITTED (`HEAD:environments/<env>/recipe.yaml`), not the file on disk before this run — so
 * `nx affected -t recipe` (which writes the files) followed by `eleventh recipe --commit` still names
 * every move — with the commits behind each move and the manifest-only changes (release notes).
 */
import { loadConfig } from '../config/load';
import { GitError } from '../errors';
import { git, gitText } from '../git/run';
import type { Recipe } from '../model';
import { GraphError } from '../pins/errors';
import { recipePath } from '../recipe/recipe';
import { recipeAt } from './git-read';
import { movedBetween } from './moved';
import { addonMovesBetween, describeAddonMove } from './addon-moves';
import { releaseNotes, type ReleaseNotes } from './notes/notes';
import { notesLines } from './notes/text';
import { TRAILER, trailer } from './trailers';

export type ReleaseAction = 'recipe' | 'promote' | 'rollback';

export interface EnvChange {
  readonly environment: string;
  /** The recipe on disk before this run (the message describes against the committed one instead). */
  readonly previous?: Recipe;
  readonly recipe: Recipe;
  /** Further trailers (`Key: value`, keys from trailers.ts): the signer, a break-glass reason, what a rollback rolled back. */
  readonly trailers?: readonly string[];
  /** Environments that change in the same commit (the mirrors of a promoted environment). */
  readonly mirrors?: readonly EnvChange[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function counts(before: Recipe | undefined, after: Recipe, notes: ReleaseNotes | undefined): string {
  const addons = addonMovesBetween(before, after).length;
  const services = serviceCounts(before, after, notes);
  return addons === 0 ? services : `${services}, ${plural(addons, 'add-on', 'add-ons')} moved`;
}

function serviceCounts(before: Recipe | undefined, after: Recipe, notes: ReleaseNotes | undefined): string {
  const moved = movedBetween(before, after).length;
  const rr = notes?.manifest.rerendered.length ?? 0;
  if (moved === 0 && rr === 0) return 'no service moved';
  if (rr === 0) return `${plural(moved, 'service', 'services')} moved`;
  return `${plural(moved, 'service', 'services')} moved, ${rr} re-rendered${moved === 0 ? ' (manifests)' : ''}`;
}

/**
 * The message: subject (environment, counts, tag), the moves with their commits, the manifest changes,
 * the mirrors, the trailers. `previous` is what the change is described against (the committed recipe).
 */
export function commitMessage(action: ReleaseAction, change: EnvChange, notes?: { self?: ReleaseNotes; mirrors?: ReadonlyMap<string, ReleaseNotes> }): string {
  const pf = change.recipe.promotedFrom;
  const tag = action === 'recipe' ? undefined : pf?.tag;
  const what = action === 'recipe' ? `recipe ${change.environment}` : `${action} ${change.environment}${tag ? ` to ${tag}` : pf ? ` from ${pf.environment} at ${pf.commit.slice(0, 12)}` : ''}`;
  const subject = `eleventh ${what}: ${counts(change.previous, change.recipe, notes?.self)}`;
  const body = [...notesLines(change.previous, change.recipe, notes?.self), ...addonMovesBetween(change.previous, change.recipe).map((m) => `add-on ${describeAddonMove(m)}`)];
  const mirrors = (change.mirrors ?? []).map((m) => `mirrored to ${m.environment}: ${counts(m.previous, m.recipe, notes?.mirrors?.get(m.environment))}`);
  const trailers = [trailer(TRAILER.action, action), trailer(TRAILER.environment, change.environment)];
  if (pf) trailers.push(trailer(TRAILER.promotedFrom, `${pf.environment}@${pf.commit}`));
  if (pf?.sources && pf.sources !== pf.commit) trailers.push(trailer(TRAILER.sources, pf.sources));
  if (tag) trailers.push(trailer(TRAILER.tag, tag));
  for (const m of change.mirrors ?? []) trailers.push(trailer(TRAILER.mirror, m.environment));
  trailers.push(...(change.trailers ?? []));
  return [subject, '', ...(body.length > 0 ? [...body, ''] : []), ...(mirrors.length > 0 ? [...mirrors, ''] : []), ...trailers].join('\n');
}

/** The environment's recipe as committed at HEAD (undefined: none, or not a recipe), and the commit that last changed it. */
export function committedRecipe(root: string, env: string): { recipe?: Recipe; commit?: string } {
  let recipe: Recipe | undefined;
  try {
    recipe = recipeAt(root, 'HEAD', env);
  } catch {
    recipe = undefined; // a hand-broken committed recipe: describe against nothing
  }
  const commit = gitText(['log', '-1', '--format=%H', 'HEAD', '--', recipePath(env)], { cwd: root }) || undefined;
  return { ...(recipe ? { recipe } : {}), ...(commit ? { commit } : {}) };
}

/** Describe `change` (and its mirrors) against HEAD, with release notes; a graph or git failure leaves the notes out, with a warning. */
export async function describeAgainstHead(root: string, action: ReleaseAction, change: EnvChange): Promise<string> {
  const all = [change, ...(change.mirrors ?? [])];
  const committed = all.map((c) => committedRecipe(root, c.environment));
  const described = all.map((c, i) => ({ ...c, previous: committed[i].recipe }));
  const head = gitText(['rev-parse', 'HEAD'], { cwd: root });
  let notes: ReleaseNotes[] | undefined;
  try {
    const config = loadConfig(root);
    notes = await releaseNotes(root, described.map((c, i) => ({ chain: config.environment(c.environment).chain, before: c.previous, after: c.recipe, at: { before: committed[i].commit, after: head } })));
  } catch (err) {
    if (!(err instanceof GraphError || err instanceof GitError)) throw err;
    process.stderr.write(`warning: release notes left out of the commit message: ${err.message.split('\n')[0]}\n`);
  }
  const [self, ...mirrors] = described;
  return commitMessage(action, { ...self, mirrors }, notes ? { self: notes[0], mirrors: new Map(mirrors.map((m, i) => [m.environment, notes![i + 1]])) } : undefined);
}

/**
 * Stage and commit `environments/<env>` (and its mirrors' folders) alone; undefined when nothing there
 * changed. git's own signing configuration (`commit.gpgsign`, `gpg.format`) applies as to any commit.
 */
export async function commitEnvironment(root: string, action: ReleaseAction, change: EnvChange): Promise<string | undefined> {
  const dirs = [change, ...(change.mirrors ?? [])].map((c) => `environments/${c.environment}`);
  git(['add', '--all', '--', ...dirs], { cwd: root });
  const staged = git(['diff', '--cached', '--quiet', '--', ...dirs], { cwd: root, okCodes: [0, 1] });
  if (staged.status === 0) return undefined;
  const message = await describeAgainstHead(root, action, change);
  git(['commit', '--quiet', '--no-verify', '-m', message, '--', ...dirs], { cwd: root });
  return gitText(['rev-parse', 'HEAD'], { cwd: root });
}
