/** Temporary git worktrees: promoted environments render from their `promotedFrom` commit's sources. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, gitText } from '../git/run';
import { forgetKit } from '../load/kit';
import { unregisterSourceRoot } from '../load/source-root';

/** What a render reads from a commit: services, the kit, and the hand-written environment files. */
export const SOURCE_PATHS = [
  'services',
  'platform',
  ':(glob)environments/**/environment.yaml',
  ':(glob)environments/**/tenant.yaml',
  ':(glob)environments/**/overrides.yaml',
];

/** True when `commit` is HEAD and nothing under `paths` differs from it (the working tree is that commit). */
export function isCleanHead(root: string, commit: string, paths: readonly string[]): boolean {
  if (gitText(['rev-parse', 'HEAD'], { cwd: root }) !== commit) return false;
  return gitText(['status', '--porcelain', '--untracked-files=all', '--', ...paths], { cwd: root }) === '';
}

/** Run `fn` with the repository's sources as of `commit` (the root itself when it already is that commit). */
export async function withSources<T>(root: string, commit: string, fn: (sourceRoot: string) => Promise<T> | T): Promise<T> {
  if (isCleanHead(root, commit, SOURCE_PATHS)) return fn(root);
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-src-'));
  const tree = join(dir, 'tree');
  git(['worktree', 'add', '--detach', '--quiet', tree, commit], { cwd: root });
  try {
    return await fn(tree);
  } finally {
    forgetKit(tree);
    unregisterSourceRoot(tree);
    git(['worktree', 'remove', '--force', tree], { cwd: root, okCodes: [0, 128] });
    rmSync(dir, { recursive: true, force: true });
  }
}
