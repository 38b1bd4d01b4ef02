/**
 * Symbolic links in the workspace, checked while Nx builds its graph. Nx reads every file of the workspace
 * to hash it, following links: one link to `/dev/zero` or a named pipe never ends, one that leaves the
 * repository makes a pin depend on the machine it ran on. So a tracked link (git mode 120000) must resolve
 * to a file or folder inside the repository, and an untracked one must not resolve to a device, pipe or
 * socket. One `git ls-files` whatever the size of the repository; only links are stat'ed.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { ConfigError, ConfigErrors } from '../errors';
import { git } from '../git/run';

function linkProblem(root: string, rel: string, tracked: boolean): string | undefined {
  let real: string;
  try {
    real = realpathSync.native(join(root, rel));
  } catch {
    return undefined; // a dangling link: Nx reads nothing through it
  }
  const st = statSync(real);
  if (!st.isFile() && !st.isDirectory()) return `is a symlink to '${real}', which is not a file or folder (a device, pipe or socket never ends when read)`;
  const inside = relative(realpathSync.native(root), real);
  if (tracked && (inside.startsWith('..') || isAbsolute(inside))) return `is a committed symlink to '${real}', outside the repository (an image input must be in git)`;
  return undefined;
}

/** Refuse links that would hang the Nx graph or pull in files from outside the repository (all are reported). */
export function checkWorkspaceLinks(root: string, untracked: readonly string[]): void {
  const links: { rel: string; tracked: boolean }[] = [];
  for (const entry of git(['ls-files', '-s', '-z'], { cwd: root }).stdout.split('\0')) {
    if (entry.startsWith('120000 ')) links.push({ rel: entry.slice(entry.indexOf('\t') + 1), tracked: true });
  }
  for (const rel of untracked) {
    try {
      if (lstatSync(join(root, rel)).isSymbolicLink()) links.push({ rel, tracked: false });
    } catch {
      // deleted meanwhile: nothing to read
    }
  }
  const errors = links.flatMap(({ rel, tracked }) => {
    const problem = linkProblem(root, rel, tracked);
    return problem ? [new ConfigError({ file: rel }, problem, 'a regular file inside the repository; copy the content in instead of linking')] : [];
  });
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ConfigErrors(errors);
}
