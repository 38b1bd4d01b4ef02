/**
 * Uncommitted changes (staged, unstaged, untracked) in the work tree: one `git status`, plus the files git
 * status is told not to look at. A file marked `assume-unchanged` or `skip-worktree` (`git update-index`) is
 * never reported by `git status`, whatever its bytes: an image input edited under such a mark would escape the
 * refusal of uncommitted inputs (a build from the work tree would hold what no commit has), and a deploy.ts
 * edited under one would run without its type-check (the check is keyed by the committed blob). So each marked file whose bytes differ from the
 * index counts as changed, and so does an assume-unchanged file that is gone. A skip-worktree file that is
 * absent is a sparse checkout's, with no bytes to differ: it does not count. Finding the marks is one
 * `git ls-files -v` (40 ms at 105,000 files); the marked files, usually none, are hashed by one `git hash-object`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../git/run';

/** Repository-relative paths with any uncommitted change, sorted. */
export function uncommittedPaths(root: string): string[] {
  const out = git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], { cwd: root }).stdout;
  const paths = new Set<string>();
  for (const entry of out.split('\0')) {
    if (entry.length > 3) paths.add(entry.slice(3));
  }
  for (const path of editedUnderMarks(root)) paths.add(path);
  return [...paths].sort();
}

/** `git ls-files -v` tags: lower case is assume-unchanged, `S` (`s` with both marks) is skip-worktree. */
const isMarked = (tag: string): boolean => tag === 'S' || (tag >= 'a' && tag <= 'z');
const isSkipWorktree = (tag: string): boolean => tag === 'S' || tag === 's';

/**
 * Marked files (assume-unchanged, skip-worktree) whose work-tree bytes are not their index entry's, and
 * assume-unchanged files that are gone. `env`: for another index (preview's snapshot).
 */
export function editedUnderMarks(root: string, env?: Readonly<Record<string, string>>): string[] {
  const marked: string[] = [];
  const sparse = new Set<string>();
  for (const entry of git(['ls-files', '-v', '-z'], { cwd: root, env }).stdout.split('\0')) {
    if (entry.length <= 2 || !isMarked(entry[0]!)) continue;
    marked.push(entry.slice(2));
    if (isSkipWorktree(entry[0]!)) sparse.add(entry.slice(2));
  }
  if (marked.length === 0) return [];
  const exists = new Map(marked.map((p) => [p, existsSync(join(root, p))]));
  // Gone: an assume-unchanged file's deletion; a skip-worktree file outside a sparse checkout's cone.
  const gone = marked.filter((p) => !exists.get(p) && !sparse.has(p));
  // One path per line for hash-object: a name with a line break is counted as changed rather than hashed.
  const odd = marked.filter((p) => exists.get(p) && p.includes('\n'));
  const present = marked.filter((p) => exists.get(p) && !p.includes('\n'));
  if (present.length === 0) return [...gone, ...odd];
  const wanted = new Set(present);
  const index = new Map<string, string>();
  // The whole listing, not a pathspec per file: a sparse checkout marks tens of thousands.
  for (const entry of git(['ls-files', '-s', '-z'], { cwd: root, env }).stdout.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab > 0 && wanted.has(entry.slice(tab + 1))) index.set(entry.slice(tab + 1), entry.split(' ')[1]!);
  }
  const hashes = git(['hash-object', '--stdin-paths'], { cwd: root, input: `${present.join('\n')}\n` }).stdout.split('\n');
  return [...gone, ...odd, ...present.filter((p, i) => hashes[i] !== index.get(p))];
}
