/** A checked `git` call for the benchmark's own repositories: throws with the command and stderr. */
import { spawnSync } from 'node:child_process';

export class BenchGitError extends Error {
  constructor(readonly args: readonly string[], readonly stderr: string, readonly status: number | null) {
    super(`git ${args.join(' ')} failed (exit ${status}): ${stderr.trim().slice(0, 500)}`);
    this.name = 'BenchGitError';
  }
}

const AUTHOR_ENV = {
  GIT_AUTHOR_NAME: 'Bench Runner',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench Runner',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

/** Run git in `cwd`; returns trimmed stdout. `env` adds variables (e.g. fixed dates). */
export function git(cwd: string, args: readonly string[], env: Record<string, string> = {}): string {
  const res = spawnSync('git', args as string[], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...AUTHOR_ENV, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', ...env },
  });
  if (res.error) throw new BenchGitError(args, res.error.message, null);
  if (res.status !== 0) throw new BenchGitError(args, res.stderr, res.status);
  return res.stdout.trim();
}
