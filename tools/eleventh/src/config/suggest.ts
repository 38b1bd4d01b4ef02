/**
 * "Did you mean …?" for unknown keys, names and flags. The one implementation is @eleventh/platform's
 * (platform/src/suggest.ts: the kit's unknown-field check uses it too). tools/ may only type-import the
 * platform — the engine loads the kit at run time (load/kit.ts) — so these call the installed package's
 * functions, loaded on first use; the types come from the same source.
 */
import type * as Platform from '@eleventh/platform';
import { installedRules } from '../load/kit';

/** Edit distance: insertions, deletions, substitutions and adjacent swaps count one edit each. */
export const levenshtein: typeof Platform.editDistance = (a, b) => installedRules().editDistance(a, b);

/** The closest candidate, if it is close enough to be a typo (at most a third of the word, minimum 2). */
export const nearest: typeof Platform.nearest = (word, candidates) => installedRules().nearest(word, candidates);

/** ` (did you mean 'x'?)` or ''. */
export const didYouMean: typeof Platform.didYouMean = (word, candidates) => installedRules().didYouMean(word, candidates);
