/**
 * `--push [remote]`: push; when another job landed first, fetch, drop our generated commits, rebase our own
 * base onto the remote, RE-COMPUTE from the rebased tree and try again — bounded by time (push-retry.ts), with
 * jittered backoff, so racing CI jobs lose nothing.
 */
import { git, gitText } from '../git/run';
import { GitError, UsageError } from '../errors';
import { PushRaceError } from './errors';
import { backoffMs, formatSeconds, retryPolicy, sleep, type RetryPolicy } from './push-retry';

const RETRYABLE = /\[rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|incorrect old value|stale info/;

export interface PushOptions {
  readonly root: string;
  readonly remote: string;
  /** Remote branch to update. @default the current branch, else 'main' */
  readonly branch?: string;
  /** How long to keep retrying, and the backoff between attempts. @default retryPolicy() (10 minutes) */
  readonly retry?: RetryPolicy;
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

/** Why a push came back: landed, lost a race (retry), or failed for another reason (the push output). */
function tryPush(root: string, remote: string, branch: string): 'pushed' | 'raced' {
  const args = ['push', '--porcelain', remote, `HEAD:refs/heads/${branch}`];
  const res = git(args, { cwd: root, okCodes: [0, 1] });
  if (res.status === 0) return 'pushed';
  if (RETRYABLE.test(res.stdout)) return 'raced';
  throw new GitError(args, res.stdout, res.status);
}

/** Drop our generated commits and replay our own commits (those under `base`) onto the remote branch. */
function rebaseOntoRemote(root: string, remote: string, branch: string, base: string): void {
  git(['fetch', '--quiet', remote, branch], { cwd: root });
  git(['reset', '--quiet', '--hard', base], { cwd: root });
  const rebase = git(['rebase', '--quiet', 'FETCH_HEAD'], { cwd: root, okCodes: [0, 1, 128] });
  if (rebase.status !== 0) {
    git(['rebase', '--abort'], { cwd: root, okCodes: [0, 1, 128] });
    throw new GitError(['rebase', 'FETCH_HEAD'], `${rebase.stdout}\nyour commits do not rebase cleanly onto ${remote}/${branch}`, rebase.status);
  }
}

/**
 * Run `produce` (plan, write and commit) on top of HEAD, then push. On a rejected push: wait (jittered
 * exponential backoff, in units of the rejected attempt's duration), fetch the branch, move back to the pre-`produce` commit, rebase it onto the remote,
 * and run `produce` again — until the push lands or the time budget is spent. Giving up drops the
 * generated commits (the working tree is as before the command, on the last rebased base) and throws
 * PushRaceError (exit 75).
 */
export async function produceAndPush<T>(opts: PushOptions, produce: () => Promise<T>): Promise<T> {
  const { root, remote } = opts;
  const branch = opts.branch ?? currentBranch(root) ?? 'main';
  const policy = opts.retry ?? retryPolicy();
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const attemptStarted = Date.now();
    const base = gitText(['rev-parse', 'HEAD'], { cwd: root });
    const result = await produce();
    if (tryPush(root, remote, branch) === 'pushed') return result;
    const now = Date.now();
    const elapsed = now - started;
    const left = policy.timeoutMs - elapsed;
    if (left <= 0) {
      git(['reset', '--quiet', '--hard', base], { cwd: root });
      throw new PushRaceError({ remote, branch, attempts: attempt, elapsedMs: elapsed, timeoutMs: policy.timeoutMs });
    }
    const wait = Math.min(left, backoffMs(attempt, now - attemptStarted, policy));
    opts.log?.(
      `eleventh: push to ${remote}/${branch} rejected (attempt ${attempt}, ${formatSeconds(elapsed)} of ${formatSeconds(policy.timeoutMs)}); ` +
        `retrying in ${wait} ms: fetching, rebasing and re-computing`,
    );
    await sleep(wait);
    rebaseOntoRemote(root, remote, branch, base);
  }
}
