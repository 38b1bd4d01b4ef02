/**
 * Which commits exist and which are in a tip's history, for many commits at once: two git processes in
 * all, not one per commit. (A recipe of 5,000 services asked `merge-base --is-ancestor` 5,000 times per
 * environment; at 25,000 commits that was ~60 ms each, a quarter of an hour for `verify`.)
 */
import { checkObjects } from './batch-check';
import { git } from './run';

export type PinStatus = 'ok' | 'missing' | 'unrelated';

/** Those of `shas` that name a commit in the repository (one `cat-file --batch-check`). */
export function existingCommits(root: string, shas: readonly string[]): Set<string> {
  // Only full hex names reach git: anything else would be read as a revision expression.
  const asked = [...new Set(shas)].filter((s) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s));
  const found = checkObjects(root, asked.map((s) => `${s}^{commit}`));
  return new Set(asked.filter((_, i) => found[i]?.type === 'commit'));
}

/**
 * Those of `commits` (each an existing commit) that are not `tip` nor one of its ancestors: one
 * `rev-list --stdin` of everything reachable from them and not from the tip. A commit is in the tip's
 * history exactly when that list leaves it out.
 */
export function notInHistory(root: string, commits: readonly string[], tip: string): Set<string> {
  const unique = [...new Set(commits)];
  if (unique.length === 0) return new Set();
  const input = `${[...unique, `^${tip}`].join('\n')}\n`;
  const listed = new Set(git(['rev-list', '--stdin'], { cwd: root, input }).stdout.split('\n').filter(Boolean));
  return new Set(unique.filter((c) => listed.has(c)));
}

/** For each of `shas`: a commit in `tip`'s history ('ok'), not a commit at all ('missing'), or a commit outside it ('unrelated'). */
export function pinStatuses(root: string, shas: readonly string[], tip: string): Map<string, PinStatus> {
  const exist = existingCommits(root, shas);
  const outside = notInHistory(root, [...exist], tip);
  const status = new Map<string, PinStatus>();
  for (const sha of shas) status.set(sha, !exist.has(sha) ? 'missing' : outside.has(sha) ? 'unrelated' : 'ok');
  return status;
}
