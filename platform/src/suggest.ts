/**
 * "Did you mean …?" — the one implementation, for the kit's unknown-field check and for the engine's
 * config keys, names and command-line flags (tools/eleventh/src/config/suggest.ts calls these through the
 * installed package, because tools/ may only type-import the platform). No imports: a leaf module.
 */

/** Edit distance counting insertions, deletions, substitutions and adjacent swaps as one edit each. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The closest candidate (case-insensitive, ties to the first in sorted order) if it is close enough to be
 * a typo: at most a third of the word's length in edits (at least 2), and fewer edits than half the longer
 * of the two, so that a word with nothing in common with any candidate (`x`, `pdf` among `md, text, json`)
 * gets no suggestion.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const name of [...candidates].sort()) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase());
    if (distance <= limit && distance * 2 < Math.max(word.length, name.length) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** ` (did you mean 'x'?)`, or '' when no candidate is near. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = nearest(word, candidates);
  return match === undefined ? '' : ` (did you mean '${match}'?)`;
}
