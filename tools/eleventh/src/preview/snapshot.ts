/**
 * The work tree as a commit, so that pins can be computed as if it were committed: every tracked change
 * (staged or not) and every untracked file that .gitignore does not exclude, on top of HEAD. Built in a
 * temporary index (a copy of the real one, so unchanged files are not hashed again) with `write-tree` and
 * `commit-tree`: like `git stash create`, it adds objects to the repository but moves no ref and leaves
 * the real index as it was. Unreferenced, they go with the next `git gc`. A file edited under an
 * assume-unchanged or skip-worktree mark is part of the work tree's change too.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { git, gitText } from '../git/run';
import { editedUnderMarks } from '../pins/dirty';

export interface WorkTreeSnapshot {
  /** HEAD's full SHA. */
  readonly head: string;
  /** The work tree's commit (its parent is HEAD); HEAD itself when nothing is uncommitted. */
  readonly commit: string;
  /** Paths the work tree changes against HEAD, sorted. */
  readonly changed: readonly string[];
}

/** Fixed identity and time: the snapshot needs no user configuration (CI has none). */
const IDENTITY = {
  GIT_AUTHOR_NAME: 'eleventh preview',
  GIT_AUTHOR_EMAIL: 'preview@eleventh.invalid',
  GIT_AUTHOR_DATE: '1970-01-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'eleventh preview',
  GIT_COMMITTER_EMAIL: 'preview@eleventh.invalid',
  GIT_COMMITTER_DATE: '1970-01-01T00:00:00Z',
};

export function snapshotWorkTree(root: string): WorkTreeSnapshot {
  const head = gitText(['rev-parse', 'HEAD'], { cwd: root });
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-preview-'));
  try {
    const index = join(dir, 'index');
    const real = resolve(root, gitText(['rev-parse', '--git-path', 'index'], { cwd: root }));
    const env = { GIT_INDEX_FILE: index, ...IDENTITY };
    if (existsSync(real)) copyFileSync(real, index);
    else git(['read-tree', 'HEAD'], { cwd: root, env });
    // `git add` passes over files under an assume-unchanged or skip-worktree mark: the copy drops the marks of
    // those edited under one (pins/dirty.ts), so the snapshot holds the edit the engine renders.
    const edited = editedUnderMarks(root, env);
    // One mark per call: given both, update-index applies only the last.
    for (const unmark of edited.length > 0 ? ['--no-assume-unchanged', '--no-skip-worktree'] : []) {
      git(['update-index', unmark, '-z', '--stdin'], { cwd: root, env, input: `${edited.join('\0')}\0` });
    }
    git(['add', '--all', '--', '.'], { cwd: root, env });
    const tree = gitText(['write-tree'], { cwd: root, env });
    if (tree === gitText(['rev-parse', 'HEAD^{tree}'], { cwd: root })) return { head, commit: head, changed: [] };
    const commit = gitText(['commit-tree', tree, '-p', head, '-m', 'eleventh preview: the work tree'], { cwd: root, env });
    const changed = git(['diff', '--name-only', '-z', '--no-renames', head, commit], { cwd: root }).stdout.split('\0').filter(Boolean).sort();
    return { head, commit, changed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
