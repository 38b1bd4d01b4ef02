/**
 * The stretch of history release notes read, with a bounded number of git processes however many ranges
 * are asked about: one `cat-file --batch-check` (which revisions exist), one `merge-base --octopus` (the
 * oldest common point), one `rev-list --parents` (the commit graph after it) and then one `git log` with
 * pathspecs per kind of input (image inputs, manifest inputs).
 *
 * Ranges are answered in memory on the first-parent chain of the tip, like pins: a commit merged from a
 * side branch belongs to the merge commit that brought it onto the chain, so `from..to` is an interval of
 * chain positions and a side-branch commit is in it when its merge is.
 */
import { git } from '../../git/run';

export interface LoggedCommit {
  readonly sha: string;
  readonly author: string;
  readonly subject: string;
  /** Paths changed against the first parent (renames as delete + add); empty for merges. */
  readonly paths: readonly string[];
}

export interface Range {
  /** Absent: from the beginning (nothing before). */
  readonly from?: string;
  readonly to: string;
}

export type Direction = 'forward' | 'backward' | 'unrelated';

export class Segment {
  private constructor(
    private readonly root: string,
    /** `tip ^base` (everything, when there is no base). */
    private readonly revs: readonly string[],
    /** Position on the chain (of the commit itself or of the merge that brought it); base and older: 0. */
    private readonly rankOf: ReadonlyMap<string, number>,
    private readonly base: string | undefined,
  ) {}

  /** Load the commit graph from `tip` back to the newest commit all of `revs` (and the tip) share. */
  static load(root: string, tip: string, revs: Iterable<string>): Segment {
    const wanted = [...new Set([tip, ...revs])];
    const check = git(['cat-file', '--batch-check'], { cwd: root, input: wanted.map((r) => `${r}^{commit}\n`).join('') }).stdout.trim().split('\n');
    const existing = wanted.filter((_, i) => !check[i]?.endsWith(' missing'));
    const tipSha = check[0]?.split(' ')[0];
    if (!tipSha || check[0].endsWith(' missing')) throw new Error(`release notes: tip '${tip}' is not a commit`);
    const mb = git(['merge-base', '--octopus', ...existing], { cwd: root, okCodes: [0, 1] });
    const base = mb.status === 0 ? mb.stdout.trim() || undefined : undefined;
    const range = base ? [tipSha, `^${base}`] : [tipSha];
    const parents = new Map<string, string[]>();
    const listing = base === tipSha ? '' : git(['rev-list', '--parents', ...range], { cwd: root }).stdout;
    for (const line of listing.split('\n')) {
      if (!line) continue;
      const [sha, ...ps] = line.split(' ');
      parents.set(sha, ps);
    }
    return new Segment(root, range, ranks(tipSha, parents, base), base);
  }

  /**
   * Chain position of `rev` (full SHA): higher is newer; 0 for the base and what precedes it; undefined
   * when `rev` is not in the tip's history.
   */
  rank(rev: string): number | undefined {
    if (rev === this.base) return 0;
    return this.rankOf.get(rev);
  }

  /** Which way `from → to` goes on the chain. */
  direction(range: Range): Direction {
    const a = range.from === undefined ? 0 : this.rank(range.from);
    const b = this.rank(range.to);
    if (a === undefined || b === undefined) return 'unrelated';
    return b >= a ? 'forward' : 'backward';
  }

  /** True when `sha` lies in `from..to` (or `to..from` for a backward range: what the move undoes). */
  contains(range: Range, sha: string): boolean {
    const r = this.rank(sha);
    const a = range.from === undefined ? 0 : this.rank(range.from);
    const b = this.rank(range.to);
    if (r === undefined || a === undefined || b === undefined) return false;
    return r > Math.min(a, b) && r <= Math.max(a, b);
  }

  /** Every commit of the segment that changed a path under `pathspecs` ([] = any), newest first: one `git log`. */
  log(pathspecs: readonly string[]): LoggedCommit[] {
    if (this.revs.length === 2 && this.revs[1] === `^${this.revs[0]}`) return [];
    const out = git(['-c', 'core.quotePath=false', 'log', '--no-renames', '--name-only', '--format=%x01%H%x1f%an <%ae>%x1f%s', ...this.revs, '--', ...pathspecs], { cwd: this.root }).stdout;
    const commits: LoggedCommit[] = [];
    for (const block of out.split('\x01')) {
      if (!block) continue;
      const nl = block.indexOf('\n');
      const [sha, author, subject] = (nl < 0 ? block : block.slice(0, nl)).split('\x1f');
      const paths = nl < 0 ? [] : block.slice(nl + 1).split('\n').filter(Boolean);
      commits.push({ sha, author, subject, paths });
    }
    return commits;
  }
}

/** Chain positions: the first-parent line from the tip, and each side-branch commit at its merge's position. */
function ranks(tip: string, parents: ReadonlyMap<string, readonly string[]>, base: string | undefined): Map<string, number> {
  const chain: string[] = [];
  for (let c: string | undefined = tip; c !== undefined && parents.has(c); c = parents.get(c)?.[0]) chain.push(c);
  chain.reverse();
  const rank = new Map<string, number>();
  chain.forEach((c, i) => rank.set(c, i + 1));
  for (const c of chain) {
    const stack = [...(parents.get(c) ?? []).slice(1)];
    while (stack.length > 0) {
      const s = stack.pop() as string;
      if (s === base || rank.has(s) || !parents.has(s)) continue;
      rank.set(s, rank.get(c) as number);
      stack.push(...(parents.get(s) ?? []));
    }
  }
  return rank;
}
