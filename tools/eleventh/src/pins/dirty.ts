/** Uncommitted changes (staged, unstaged, untracked) in the work tree, in one `git status`. */
import { git } from '../git/run';

/** Repository-relative paths with any uncommitted change, sorted. */
export function uncommittedPaths(root: string): string[] {
  const out = git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'], { cwd: root }).stdout;
  const paths = new Set<string>();
  for (const entry of out.split('\0')) {
    if (entry.length > 3) paths.add(entry.slice(3));
  }
  return [...paths].sort();
}
