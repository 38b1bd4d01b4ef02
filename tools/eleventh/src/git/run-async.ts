/**
 * A git call that does not block the main thread (git.ts's `git` is synchronous): for reads the run starts
 * early and needs later, such as the blob ids of an environment's committed files while Nx builds its graph.
 */
import { spawn } from 'node:child_process';
import { GitError } from '../errors';

/** `git args` in `cwd`: its stdout, or a GitError with its stderr when it exits other than 0. */
export function gitAsync(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args as string[], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new GitError(args, e.message, null)));
    child.on('close', (status) => {
      if (status === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new GitError(args, Buffer.concat(err).toString('utf8'), status));
    });
  });
}
