/**
 * "Nothing written", as the bad-input catalogs check it: git's view of the work tree, and every entry under
 * environments/ (lstat: links and FIFOs are not followed) with its kind, size and mtime — a file rewritten
 * with the same bytes still changes its mtime.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../git/run';

/** `git status --porcelain --untracked-files=all` of the work tree at `root`. */
export function worktreeStatus(root: string): string {
  return git(['status', '--porcelain', '--untracked-files=all'], { cwd: root }).stdout;
}

/** Every entry under `root/environments`: `d|f|o:size:mtime` (o: neither file nor folder), by path. */
export function environmentsSnapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const r = `${rel}/${name}`;
      const st = lstatSync(join(root, r));
      out.set(r, `${st.isDirectory() ? 'd' : st.isFile() ? 'f' : 'o'}:${st.isDirectory() ? 0 : st.size}:${st.mtimeMs}`);
      if (st.isDirectory()) walk(r);
    }
  };
  walk('environments');
  return out;
}
