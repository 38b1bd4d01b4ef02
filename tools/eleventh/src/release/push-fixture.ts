/** Helpers for the --push specs: clones of one bare remote, and the real CLI run as a concurrent process. */
import { spawn } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { git } from '../git/run';
import { CLI } from '../testing/example-repo';
import { REPO_ROOT } from '../testing/fixture';

export { CLI } from '../testing/example-repo';
export { REPO_ROOT as REPO_ROOT_FOR_TESTS } from '../testing/fixture';

/** Clone `remote` into `dir/name` as its own committer, with this repository's node_modules linked in. */
export function cloneAs(remote: string, dir: string, name: string): string {
  const to = join(dir, name);
  git(['clone', '--quiet', remote, to], { cwd: dir });
  // The example repository ignores `/node_modules` (a symlink): link it again in each clone.
  if (!existsSync(join(to, 'node_modules'))) symlinkSync(join(REPO_ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
  for (const [k, v] of [['user.name', name], ['user.email', `${name}@example.com`], ['commit.gpgsign', 'false']]) git(['config', k, v], { cwd: to });
  return to;
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Start the real `eleventh` in `cwd` without waiting for it: many of these run at once. */
export function runAsync(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('close', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });
}
