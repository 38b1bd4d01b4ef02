/**
 * The "before" side of a preview: `--base REF` as given, else the merge-base of HEAD with `origin/main`
 * when that remote-tracking branch exists, else with `main`.
 */
import { git, gitText } from '../git/run';
import { commitOf, resolveRevision, RevisionError } from '../git/revision';

export interface Base {
  /** What the user named, or how the default was found (`merge-base with origin/main`). */
  readonly label: string;
  /** Full SHA. */
  readonly commit: string;
}

export function resolveBase(root: string, base?: string): Base {
  if (base !== undefined) {
    return { label: base, commit: resolveRevision(root, '--base', base) };
  }
  for (const branch of ['refs/remotes/origin/main', 'refs/heads/main']) {
    if (!commitOf(root, branch)) continue;
    const short = branch.replace(/^refs\/(remotes|heads)\//, '');
    const mb = git(['merge-base', 'HEAD', branch], { cwd: root, okCodes: [0, 1] });
    if (mb.status !== 0) throw new RevisionError('--base', `HEAD shares no history with ${short}`, 'a revision to compare with: --base REF');
    return { label: `merge-base with ${short}`, commit: mb.stdout.trim() };
  }
  throw new RevisionError('--base', 'neither origin/main nor main exists', 'a revision to compare with: --base REF');
}

/** Full SHA of HEAD. */
export function headCommit(root: string): string {
  return gitText(['rev-parse', 'HEAD'], { cwd: root });
}
