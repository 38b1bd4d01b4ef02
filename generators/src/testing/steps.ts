/**
 * End-to-end specs run real commands (npm, npx nx, npx eleventh, git) step by step: a failing step names
 * itself and shows the command's last output lines.
 */
import { spawnSync } from 'node:child_process';

export const E2E_ENV: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', npm_config_update_notifier: 'false' };

export interface StepResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `cmd args…` in `cwd`; whatever its exit. */
export function attempt(cwd: string, cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = E2E_ENV): StepResult {
  const res = spawnSync(cmd, args as string[], { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: res.status, stdout: res.stdout ?? '', stderr: res.stderr ?? res.error?.message ?? '' };
}

/** Run one step of a flow; a non-zero exit throws, naming the step with the last 25 lines of output. */
export function step(name: string, cwd: string, cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = E2E_ENV): string {
  const res = attempt(cwd, cmd, args, env);
  if (res.status !== 0) {
    const tail = `${res.stdout}\n${res.stderr}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`e2e step '${name}' failed: ${cmd} ${args.join(' ')} exited ${res.status}\n${tail}`);
  }
  // Colour codes (Nx colours its output when CI is set) are not part of what a step says.
  return res.stdout.replace(/\u001b\[[0-9;]*m/g, '').trim();
}

/** Commit everything in `cwd` with a fixed identity; returns the new commit. */
export function commitAll(cwd: string, message: string): string {
  step('git add', cwd, 'git', ['add', '-A']);
  step('git commit', cwd, 'git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@localhost', 'commit', '-q', '-m', message]);
  return step('git rev-parse', cwd, 'git', ['rev-parse', 'HEAD']);
}
