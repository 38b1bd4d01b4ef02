/**
 * `--push [remote]`: push; when another job landed first, fetch, drop our generated commits, rebase our own
 * base onto the remote, RE-COMPUTE from the rebased tree and try again — bounded, so racing CI jobs lose nothing.
 */
import { git, gitText } from '../git/run';
import { GitError, UsageError } from '../errors';
import { PushRaceError } from './errors';

export const MAX_PUSH_ATTEMPTS = 5;

const RETRYABLE = /\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|incorrect old value|stale info/;

export interface PushOptions {
  readonly root: string;
  readonly remote: string;
  /** Remote branch to update. @default the current branch, else 'main' */
  readonly branch?: string;
  readonly attempts?: number;
  /** Progress lines (stderr). */
  readonly log?: (line: string) => void;
}

export function currentBranch(root: string): string | undefined {
  const res = git(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: root, okCodes: [0, 1, 128] });
  return res.status === 0 ? res.stdout.trim() : undefined;
}

/** --push rewinds our own commits on rejection: refuse to start with uncommitted changes to tracked files. */
export function assertCleanForPush(root: string): void {
  const dirty = gitText(['status', '--porcelain', '--untracked-files=no'], { cwd: root });
  if (dirty) throw new UsageError(`--push needs a clean working tree; uncommitted changes:\n${dirty}`, 'commit or stash them first');
}

export function knownRemote(root: string, name: string): boolean {
  return gitText(['remote'], { cwd: root }).split('\n').includes(name);
}

/**
 * Run `produce` (plan, write and commit) on top of HEAD, then push. On a rejected push: fetch the branch,
 * move back to the pre-`produce` commit, rebase it onto the remote, and run `produce` again.
 */
export async function produceAndPush<T>(opts: PushOptions, produce: () => Promise<T>): Promise<T> {
  const { root, remote } = opts;
  const branch = opts.branch ?? currentBranch(root) ?? 'main';
  const attempts = opts.attempts ?? MAX_PUSH_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const base = gitText(['rev-parse', 'HEAD'], { cwd: root });
    const result = await produce();
    const res = git(['push', '--porcelain', remote, `HEAD:refs/heads/${branch}`], { cwd: root, okCodes: [0, 1] });
    if (res.status === 0) return result;
    const output = `${res.stdout}`;
    if (!RETRYABLE.test(output)) throw new GitError(['push', remote, `HEAD:refs/heads/${branch}`], output, res.status);
    if (attempt >= attempts) throw new PushRaceError(remote, attempts);
    opts.log?.(`eleventh: push to ${remote}/${branch} rejected (attempt ${attempt}/${attempts}); fetching, rebasing and re-computing`);
    git(['fetch', '--quiet', remote, branch], { cwd: root });
    git(['reset', '--quiet', '--hard', base], { cwd: root });
    const rebase = git(['rebase', '--quiet', 'FETCH_HEAD'], { cwd: root, okCodes: [0, 1, 128] });
    if (rebase.status !== 0) {
      git(['rebase', '--abort'], { cwd: root, okCodes: [0, 1, 128] });
      throw new GitError(['rebase', 'FETCH_HEAD'], `${rebase.stdout}\nyour commits do not rebase cleanly onto ${remote}/${branch}`, rebase.status);
    }
  }
}
