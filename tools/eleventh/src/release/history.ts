/**
 * `eleventh history ENV`: every change of the environment's recipe — when, what kind (recipe, promotion,
 * rollback, mirror), the tag and who tagged (and signed) it, who authored and who committed the change,
 * the services moved with the commits behind each move, the manifest-only changes, a break-glass reason —
 * and the recipe in force at an instant. Bounded git processes: one log + one cat-file for the recipe's
 * versions, one for-each-ref for the taggers, and the release notes' few (notes/notes.ts) for all changes.
 */
import { loadConfig } from '../config/load';
import { assertFullHistory, git } from '../git/run';
import { UsageError } from '../errors';
import { INSTANT_EXPECTED, parseInstant } from '../instant';
import type { Recipe } from '../model';
import { movedBetween, type Move } from './moved';
import { addonMovesBetween, type AddonMove } from './addon-moves';
import type { ManifestNotes, NoteCommit } from './notes/model';
import { releaseNotes, type NotesOptions } from './notes/notes';
import type { Direction } from './notes/segment';
import { recipeLog, type RecipeChange } from './recipe-log';
import { TRAILER, parseRollback, parseTrailers } from './trailers';

export type ChangeKind = 'recipe' | 'promotion' | 'rollback' | 'mirror';

/** A move with, for a re-pin, its direction and the commits behind it (release notes). */
export interface HistoryMove extends Move {
  readonly direction?: Direction;
  readonly commits?: readonly NoteCommit[];
}

export interface HistoryEntry {
  /** Committer time (when the change landed), ISO 8601. */
  readonly time: string;
  readonly kind: ChangeKind;
  readonly commit: string;
  readonly subject: string;
  readonly author: string;
  /** Who landed the commit (often the CI bot); who released is `tagger`. */
  readonly committer: string;
  readonly tag?: string;
  /** The annotated tag's tagger (`Name <email>`), from the recipe record or the tag object. */
  readonly tagger?: string;
  /** The verified signer of the tag, when the promotion was signed. */
  readonly signer?: string;
  /** The source environment and commits, for promoted environments. */
  readonly promotedFrom?: Recipe['promotedFrom'];
  /** For a mirror: the environment whose promotion or rollback rendered it. */
  readonly mirrorOf?: string;
  /** For a rollback: what it rolled back from and to (tags, or 12-hex commits). */
  readonly rollback?: { readonly from: string; readonly to: string };
  readonly breakGlass?: string;
  /** Against the previous (older) recipe; every service on the first entry. */
  readonly moved: readonly HistoryMove[];
  /** Manifest-only changes since the previous recipe (kit, deploy.ts, configuration) and the services re-rendered. */
  readonly manifest: ManifestNotes;
  /** Add-ons added, removed, re-versioned or with new values since the previous recipe. */
  readonly addons: readonly AddonMove[];
  /** The commit removed the recipe. */
  readonly deleted?: boolean;
}

interface TagInfo {
  readonly tagger?: string;
}

/** Every tag's tagger (annotated tags only), in one `git for-each-ref`. */
function taggers(root: string): Map<string, TagInfo> {
  const out = git(['for-each-ref', '--format=%(refname:strip=2)%1f%(objecttype)%1f%(taggername) %(taggeremail)', 'refs/tags'], { cwd: root }).stdout;
  const map = new Map<string, TagInfo>();
  for (const line of out.split('\n')) {
    const [name, type, tagger] = line.split('\x1f');
    if (name) map.set(name, type === 'tag' && tagger?.trim() ? { tagger: tagger.trim() } : {});
  }
  return map;
}

const ACTION_KIND: Record<string, ChangeKind> = { recipe: 'recipe', promote: 'promotion', rollback: 'rollback' };

/** The kind of a change, from its trailers; for commits without them, from the subject and the records. */
function kindOf(env: string, change: RecipeChange, older: readonly RecipeChange[], trailers: Map<string, string[]>): ChangeKind {
  const mirrors = trailers.get(TRAILER.mirror) ?? [];
  const named = trailers.get(TRAILER.environment)?.[0];
  if (change.recipe?.promotedFrom?.mirrorOf || (mirrors.includes(env) && named !== env)) return 'mirror';
  const action = trailers.get(TRAILER.action)?.[0] ?? /^eleventh (recipe|promote|rollback)\b/.exec(change.subject)?.[1];
  if (action && ACTION_KIND[action]) return ACTION_KIND[action];
  const pf = change.recipe?.promotedFrom;
  if (!pf) return 'recipe';
  const prev = older[0]?.recipe?.promotedFrom;
  if (pf.tag && prev?.tag !== pf.tag && older.some((o) => o.recipe?.promotedFrom?.tag === pf.tag)) return 'rollback';
  return prev && prev.commit === pf.commit && prev.tag === pf.tag ? 'recipe' : 'promotion';
}

function rollbackOf(change: RecipeChange, older: RecipeChange | undefined, trailers: Map<string, string[]>): { from: string; to: string } {
  const recorded = parseRollback(trailers.get(TRAILER.rollback)?.[0]);
  if (recorded) return recorded;
  const from = older?.recipe?.promotedFrom?.tag ?? older?.commit.slice(0, 12) ?? '(none)';
  return { from, to: change.recipe?.promotedFrom?.tag ?? change.commit.slice(0, 12) };
}

export interface HistoryOptions extends NotesOptions {
  /** Compute the commits behind each move and the manifest changes. @default true */
  readonly notes?: boolean;
}

/** Newest first. */
export async function recipeHistory(root: string, env: string, opts: HistoryOptions = {}): Promise<HistoryEntry[]> {
  // A shallow clone's log would end at its tip and look like the recipe's whole history.
  assertFullHistory(root, 'history');
  const log = recipeLog(root, env);
  if (log.length === 0) return [];
  const tags = taggers(root);
  const chain = loadConfig(root).environment(env).chain;
  const notes = opts.notes === false
    ? undefined
    : await releaseNotes(root, log.map((c, i) => ({ chain, before: log[i + 1]?.recipe, after: c.recipe, at: { before: log[i + 1]?.commit, after: c.commit } })), opts);
  return log.map((change, i): HistoryEntry => {
    const older = log[i + 1];
    const trailers = parseTrailers(change.trailers);
    const kind = kindOf(env, change, log.slice(i + 1), trailers);
    const pf = change.recipe?.promotedFrom;
    const tag = pf?.tag ?? trailers.get(TRAILER.tag)?.[0];
    const tagger = pf?.tagger ?? (tag ? tags.get(tag)?.tagger : undefined);
    const signer = pf?.signer ?? trailers.get(TRAILER.signer)?.[0];
    const breakGlass = trailers.get(TRAILER.breakGlass)?.[0];
    const byService = new Map((notes?.[i].moves ?? []).map((n) => [n.service, n]));
    const moved = movedBetween(older?.recipe, change.recipe).map((m): HistoryMove => {
      const n = byService.get(m.service);
      return n ? { ...m, direction: n.direction, commits: n.commits } : m;
    });
    return {
      time: change.time,
      kind,
      commit: change.commit,
      subject: change.subject,
      author: change.author,
      committer: change.committer,
      ...(tag ? { tag } : {}),
      ...(tagger ? { tagger } : {}),
      ...(signer ? { signer } : {}),
      ...(pf ? { promotedFrom: pf } : {}),
      ...(kind === 'mirror' ? { mirrorOf: pf?.mirrorOf ?? trailers.get(TRAILER.environment)?.[0] } : {}),
      ...(kind === 'rollback' ? { rollback: rollbackOf(change, older, trailers) } : {}),
      ...(breakGlass ? { breakGlass } : {}),
      moved,
      manifest: notes?.[i].manifest ?? { commits: [], rerendered: [] },
      addons: addonMovesBetween(older?.recipe, change.recipe),
      ...(change.recipe ? {} : { deleted: true }),
    };
  });
}

export function parseAt(text: string): number {
  const t = parseInstant(text);
  if (t === undefined) throw new UsageError(`history: --at '${text}' is not a date (expected ${INSTANT_EXPECTED})`);
  return t;
}

/** The recipe in force at `at`: the newest change that landed (committer time) at or before it. */
export function recipeAt(root: string, env: string, at: number): { change: RecipeChange; recipe?: Recipe } | undefined {
  const hit = recipeLog(root, env).find((c) => Date.parse(c.time) <= at);
  return hit ? { change: hit, recipe: hit.recipe } : undefined;
}
