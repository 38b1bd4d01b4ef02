/** The infrastructure repository gets its own history: `git init -b main` and a first commit. */
import { join } from 'node:path';
import type { GeneratorCallback } from '@nx/devkit';
import { git } from '@eleventh/cli';

const FALLBACK_IDENTITY = {
  GIT_AUTHOR_NAME: 'Eleventh',
  GIT_AUTHOR_EMAIL: 'eleventh@localhost',
  GIT_COMMITTER_NAME: 'Eleventh',
  GIT_COMMITTER_EMAIL: 'eleventh@localhost',
};

/** Runs after Nx wrote the files (never on --dry-run). */
export function gitInitTask(workspaceRoot: string, directory: string, name: string): GeneratorCallback {
  return () => {
    const cwd = join(workspaceRoot, directory);
    git(['init', '-q', '-b', 'main'], { cwd });
    git(['add', '-A'], { cwd });
    const hasIdentity = git(['config', 'user.email'], { cwd, okCodes: [0, 1] }).status === 0;
    git(['commit', '-q', '-m', `${name} infrastructure: ops/apps clusters and pipeline`], { cwd, env: hasIdentity ? {} : FALLBACK_IDENTITY });
  };
}
