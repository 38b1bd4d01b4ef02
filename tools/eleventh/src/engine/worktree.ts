/**
 * The sources a render reads, as of a commit: promoted environments render from their `promotedFrom`
 * commit. Only what shapes manifests is needed — the kit (`platform/`), each service's `deploy.ts` and the
 * hand-written environment files — so instead of a full git worktree (tens of thousands of files at 5,000
 * services) those files are read with one `git cat-file --batch` into a temporary folder. When the working
 * tree already holds them as committed there, the repository itself is used.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git, gitText } from '../git/run';
import { forgetKit } from '../load/kit';
import { unregisterSourceRoot } from '../load/source-root';
import { CatFile } from '../pins/cat-file';

/** What a render reads from a commit: the kit, every deploy.ts, and the hand-written environment files. */
export const SOURCE_PATHS = [
  'platform',
  ':(glob)services/*/deploy.ts',
  ':(glob)environments/**/environment.yaml',
  ':(glob)environments/**/tenant.yaml',
  ':(glob)environments/**/overrides.yaml',
];

/** True when `commit` is HEAD and nothing under `paths` differs from it (the working tree is that commit). */
export function isCleanHead(root: string, commit: string, paths: readonly string[]): boolean {
  if (gitText(['rev-parse', 'HEAD'], { cwd: root }) !== commit) return false;
  return gitText(['status', '--porcelain', '--untracked-files=all', '--', ...paths], { cwd: root }) === '';
}

/** True when the working tree's render sources equal `commit`'s (tracked files; new untracked ones do not matter). */
function sameSources(root: string, commit: string): boolean {
  return git(['diff', '--quiet', commit, '--', ...SOURCE_PATHS], { cwd: root, okCodes: [0, 1] }).status === 0;
}

const HAND_WRITTEN = /(^|\/)(environment|tenant|overrides)\.yaml$/;

/** The same selection as SOURCE_PATHS, for `git ls-tree` (which takes no glob pathspecs). */
function isSource(path: string): boolean {
  if (path.startsWith('platform/')) return true;
  if (path.startsWith('services/')) return /^services\/[^/]+\/deploy\.ts$/.test(path);
  return path.startsWith('environments/') && HAND_WRITTEN.test(path);
}

/** Write `commit`'s render sources under `dir`. */
async function materialize(root: string, commit: string, dir: string): Promise<void> {
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', 'platform', 'services', 'environments'], { cwd: root }).stdout;
  const blobs = listing
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const tab = entry.indexOf('\t');
      const [mode, type, oid] = entry.slice(0, tab).split(' ');
      return { mode, type, oid, path: entry.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && isSource(e.path));
  const cat = new CatFile(root);
  try {
    const contents = await Promise.all(blobs.map((b) => cat.read(b.oid)));
    blobs.forEach((b, i) => {
      const target = join(dir, b.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, contents[i]!.content);
    });
  } finally {
    cat.close();
  }
}

/** Run `fn` with the repository's render sources as of `commit` (the root itself when it already holds them). */
export async function withSources<T>(root: string, commit: string, fn: (sourceRoot: string) => Promise<T> | T): Promise<T> {
  if (isCleanHead(root, commit, SOURCE_PATHS) || sameSources(root, commit)) return fn(root);
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-src-'));
  try {
    await materialize(root, commit, dir);
    return await fn(dir);
  } finally {
    forgetKit(dir);
    unregisterSourceRoot(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}
