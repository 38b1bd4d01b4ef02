/** Test helpers for release specs: an example repository with committed recipes, and small git/file helpers. */
import { appendFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { git, gitText } from '../git/run';
import { parseRecipe, recipePath } from '../recipe/recipe';
import type { Recipe } from '../model';
import { createRecipedRepo, runEleventh, type CliResult, type ExampleRepo } from '../testing/example-repo';

export function cli(root: string, ...args: string[]): CliResult {
  return runEleventh(root, args);
}

/** Run the CLI and fail with its stderr unless it exits `code`. */
export function ok(root: string, args: string[], code = 0): CliResult {
  const res = cli(root, ...args);
  if (res.status !== code) expect.fail(`eleventh ${args.join(' ')} exited ${res.status}, expected ${code}\n${res.stderr}\n${res.stdout}`);
  return res;
}

export function commitAll(root: string, message: string): string {
  git(['add', '--all', '--', '.'], { cwd: root });
  git(['commit', '--quiet', '--allow-empty', '-m', message], { cwd: root });
  return gitText(['rev-parse', 'HEAD'], { cwd: root });
}

/** Append a comment to a service's source and commit: the service's pin moves to that commit. */
export function touchService(root: string, name: string, message = `${name}: change`): string {
  appendFileSync(join(root, 'services', name, 'src', 'main.ts'), `// ${message}\n`);
  return commitAll(root, message);
}

export function readRecipeFile(root: string, env: string): Recipe {
  return parseRecipe(readFileSync(join(root, recipePath(env)), 'utf8'), recipePath(env));
}

/** Every file under `dir` with its bytes and mtime: proves that nothing was written. */
export function snapshotTree(root: string, dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel))) {
      const r = `${rel}/${name}`;
      const st = statSync(join(root, r));
      if (st.isDirectory()) walk(r);
      else out.set(r, `${st.mtimeMs}:${readFileSync(join(root, r), 'utf8')}`);
    }
  };
  walk(dir);
  return out;
}

/** An example repository whose recipes (staging, ops-staging, and the seeded preprod and prod) are committed. */
export function createReleaseRepo(prefix = 'eleventh-release-'): ExampleRepo & { recipeCommit: string } {
  return createRecipedRepo(prefix);
}
