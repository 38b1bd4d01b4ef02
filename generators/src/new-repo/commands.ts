/** Running npm for `eleventh new`: exit status checked, progress to stderr, CommandError on failure. */
import { spawnSync } from 'node:child_process';
import { CommandError } from './errors';

export interface RunOptions {
  readonly cwd: string;
  /** Stream the command's output to our stderr (long installs) instead of capturing it. @default false */
  readonly stream?: boolean;
}

/** Run `cmd args…`; returns stdout (empty when streamed). */
export function run(cmd: string, args: readonly string[], options: RunOptions): string {
  const res = spawnSync(cmd, args as string[], {
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // Streamed output goes to stderr: stdout is for results only.
    stdio: options.stream ? ['ignore', process.stderr, process.stderr] : ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (res.error) throw new CommandError([cmd, ...args], null, res.error.message);
  if (res.status !== 0) throw new CommandError([cmd, ...args], res.status, String(res.stderr ?? ''));
  return String(res.stdout ?? '');
}
