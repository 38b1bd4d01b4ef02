/** `eleventh history ENV`: every change of the environment's recipe, and the recipe in force at an instant. */
import { UsageError } from '../errors';
import type { Recipe } from '../model';
import { movedBetween, type Move } from './moved';
import { recipeLog, type RecipeChange } from './recipe-log';

export interface HistoryEntry {
  readonly time: string;
  readonly author: string;
  readonly commit: string;
  readonly subject: string;
  readonly tag?: string;
  /** The source environment and commit, for promoted environments. */
  readonly promotedFrom?: Recipe['promotedFrom'];
  /** Against the previous (older) recipe; every service on the first entry. */
  readonly moved: readonly Move[];
  /** The commit removed the recipe. */
  readonly deleted?: boolean;
}

function entryOf(change: RecipeChange, older: RecipeChange | undefined): HistoryEntry {
  const pf = change.recipe?.promotedFrom;
  return {
    time: change.time,
    author: change.author,
    commit: change.commit,
    subject: change.subject,
    ...(pf?.tag ? { tag: pf.tag } : {}),
    ...(pf ? { promotedFrom: pf } : {}),
    moved: movedBetween(older?.recipe, change.recipe),
    ...(change.recipe ? {} : { deleted: true }),
  };
}

/** Newest first. */
export function recipeHistory(root: string, env: string): HistoryEntry[] {
  const log = recipeLog(root, env);
  return log.map((c, i) => entryOf(c, log[i + 1]));
}

export function parseInstant(text: string): number {
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new UsageError(`history: --at '${text}' is not a date`, 'an ISO 8601 date or time, e.g. 2026-03-01 or 2026-03-01T12:00:00Z');
  return t;
}

/** The recipe in force at `at`: the newest change that landed (committer time) at or before it. */
export function recipeAt(root: string, env: string, at: number): { change: RecipeChange; recipe?: Recipe } | undefined {
  const hit = recipeLog(root, env).find((c) => Date.parse(c.time) <= at);
  return hit ? { change: hit, recipe: hit.recipe } : undefined;
}
