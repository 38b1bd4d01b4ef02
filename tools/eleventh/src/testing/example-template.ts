/**
 * Prepared copies of the example repository, built once per test run (vitest's globalSetup for the
 * integration project, `example-templates.setup.ts`) and copied for each spec that asks for one. About 35
 * integration specs start from the example organisation, most of them after a first `eleventh recipe`:
 * building it each time (copy platform/ and services/, commit, run recipe, commit) is several CPU seconds per
 * spec on a 2-core runner; a copy of the prepared repository (its .git included) is a fraction of a second.
 *
 * A copy is the same repository a fresh build makes: the same files and commits (the first commit has fixed
 * dates, so even its SHA is the same), `node_modules` the same symlink; only `.nx/` (Nx's workspace data,
 * keyed by the workspace's path) is left out, so every copy builds its Nx graph from cold, as before.
 * Without the templates (a spec run outside vitest's config, or a helper called from a script) the helpers
 * build the repository themselves.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from '../git/run';

/** The environment variable naming the prepared repositories: `{"example": dir, "reciped": dir}` as JSON. */
export const TEMPLATES_ENV = 'ELEVENTH_EXAMPLE_TEMPLATES';

export type TemplateKind = 'example' | 'reciped';

/** The prepared repository of `kind`, when this run has one. */
export function exampleTemplate(kind: TemplateKind): string | undefined {
  const json = process.env[TEMPLATES_ENV];
  if (!json) return undefined;
  const dir = (JSON.parse(json) as Partial<Record<TemplateKind, string>>)[kind];
  if (dir === undefined) return undefined;
  if (!existsSync(join(dir, '.git'))) throw new Error(`${TEMPLATES_ENV}: no prepared '${kind}' repository at ${dir} (expected the directory example-templates.setup.ts made)`);
  return dir;
}

/** A new temporary directory (named after `prefix`) holding a copy of `template`, `.nx/` left out. */
export function copyTemplate(template: string, prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(template, root, { recursive: true, verbatimSymlinks: true, filter: (src) => src !== join(template, '.nx') });
  // The index's stat data names the template's files: refresh it (and fail here if the copy differs from HEAD).
  git(['update-index', '-q', '--refresh'], { cwd: root });
  return root;
}
