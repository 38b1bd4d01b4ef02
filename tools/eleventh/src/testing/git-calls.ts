/**
 * Count the git processes a piece of code starts: `git` on PATH is a script that logs its first argument (the
 * subcommand) and runs the real git. Real git does the work; the spec sees how often it was asked.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export interface GitCallLog {
  /** PATH with the logging git first: set it for this process, or pass it to a child (runEleventh's env). */
  readonly path: string;
  /** The git subcommands started so far, in order. */
  calls(): string[];
  cleanup(): void;
}

export function gitCallLog(): GitCallLog {
  const bin = mkdtempSync(join(tmpdir(), 'eleventh-git-calls-'));
  const log = join(bin, 'calls');
  const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  if (!realGit) throw new Error('git not found on PATH (expected git installed)');
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${realGit}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  writeFileSync(log, '');
  return {
    path: `${bin}:${process.env.PATH ?? ''}`,
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    cleanup: () => rmSync(bin, { recursive: true, force: true }),
  };
}

/** Run `fn` (synchronous) and return what it returned with the git subcommands it started, in order. */
export function withGitCalls<T>(fn: () => T): { result: T; calls: string[] } {
  const shim = gitCallLog();
  const path = process.env.PATH;
  process.env.PATH = shim.path;
  try {
    const result = fn();
    return { result, calls: shim.calls() };
  } finally {
    process.env.PATH = path;
    shim.cleanup();
  }
}
