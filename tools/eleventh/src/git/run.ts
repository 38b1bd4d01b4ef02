/** Every git call goes through here: checks the exit status and throws GitError with the command and stderr. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { GitError, ShallowCloneError, UsageError } from '../errors';

export interface GitOptions {
  readonly cwd: string;
  /** Text written to git's stdin. */
  readonly input?: string;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
  /** Exit codes that are answers, not failures (e.g. 1 for `diff --quiet`). @default [0] */
  readonly okCodes?: readonly number[];
}

export interface GitResult {
  readonly stdout: string;
  readonly status: number;
  /** What git wrote to stderr (some commands, like verify-tag, answer there). */
  readonly stderr: string;
}

const MAX_BUFFER = 1024 * 1024 * 1024;

export function git(args: readonly string[], options: GitOptions): GitResult {
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
  };
  const res = spawnSync('git', args as string[], spawnOptions);
  if (res.error) throw new GitError(args, res.error.message, null);
  const ok = options.okCodes ?? [0];
  if (res.status === null || !ok.includes(res.status)) {
    const error = new GitError(args, String(res.stderr ?? ''), res.status);
    if (MISSING_OBJECT.test(error.stderr) && isShallow(options.cwd)) throw new ShallowCloneError(undefined, { cause: error });
    throw error;
  }
  return { stdout: String(res.stdout ?? ''), status: res.status, stderr: String(res.stderr ?? '') };
}

/** What git says when an object (a pinned commit, a recipe's `promotedFrom`) is not in the clone. */
export const MISSING_OBJECT = /\b(bad object|bad revision '[0-9a-f]{7,40}|unknown revision or path not in the working tree|invalid upstream|not a valid object name|could not read commit|missing (commit|tree|blob)|unable to read tree|Not a valid commit name [0-9a-f]{40})/i;

const shallowAnswers = new Map<string, boolean>();

/** `git rev-parse --is-shallow-repository`, asked once per folder (only when history is needed or missing). */
export function isShallow(cwd: string): boolean {
  let answer = shallowAnswers.get(cwd);
  if (answer === undefined) {
    const res = spawnSync('git', ['rev-parse', '--is-shallow-repository'], { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    answer = res.status === 0 && String(res.stdout).trim() === 'true';
    shallowAnswers.set(cwd, answer);
  }
  return answer;
}

/** Throw ShallowCloneError when `cwd` is a shallow clone (`what`: the command or step that needs history). */
export function assertFullHistory(cwd: string, what?: string): void {
  if (isShallow(cwd)) throw new ShallowCloneError(what);
}

/** `git` returning trimmed stdout. */
export function gitText(args: readonly string[], options: GitOptions): string {
  return git(args, options).stdout.trim();
}

/** Full 40-hex SHA of a revision. */
export function revParse(rev: string, cwd: string): string {
  return gitText(['rev-parse', '--verify', `${rev}^{commit}`], { cwd });
}

/** The repository's root; outside a git repository a usage error (exit 2), not git's own message. */
export function topLevel(cwd: string): string {
  const res = git(['rev-parse', '--show-toplevel'], { cwd, okCodes: [0, 128] });
  if (res.status !== 0) {
    throw new UsageError(`${cwd}: not inside a git repository (expected the root or a folder of an Eleventh monorepo)`, 'cd into the repository, or make one with `npx eleventh new DIR`');
  }
  const root = res.stdout.trim();
  // A git repository with none of the monorepo's folders is someone else's: say so, not "cannot read platform/defaults.yaml".
  if (!['environments', 'platform', 'services'].some((d) => existsSync(join(root, d)))) {
    throw new UsageError(`${root}: is a git repository but not an Eleventh monorepo: it has no environments/, platform/ or services/ (expected the root or a folder of an Eleventh monorepo)`, 'cd into the monorepo, or make one with `npx eleventh new DIR`');
  }
  return root;
}
