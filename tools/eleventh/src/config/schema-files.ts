/**
 * Which published JSON Schema describes which hand-written file, and the editor modeline that names it.
 * The schemas ship in this package at `schemas/<name>.schema.json`; a repository reaches them at
 * `node_modules/@eleventh/cli/schemas/` (in this monorepo that is the workspace symlink to tools/eleventh),
 * so the modeline is a path relative to the file: editors (yaml-language-server) resolve it from there.
 */
import { posix } from 'node:path';

/** Where a repository finds the published schemas, relative to its root. */
export const SCHEMAS_IN_REPO = 'node_modules/@eleventh/cli/schemas';

/** The start of the first line of every hand-written file a generator writes. */
export const MODELINE_PREFIX = '# yaml-language-server: $schema=';

const FILES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^platform\/defaults\.yaml$/, 'platform-defaults.schema.json'],
  [/^platform\/images\.yaml$/, 'images.schema.json'],
  [/^environments\/[^/]+\/environment\.yaml$/, 'environment.schema.json'],
  [/^environments\/[^/]+\/[^/]+\/tenant\.yaml$/, 'tenant.schema.json'],
  [/^environments\/[^/]+\/[^/]+\/[^/]+\/overrides\.yaml$/, 'overrides.schema.json'],
];

/** The schema of a repository-relative hand-written file (`environments/prod/environment.yaml`), if it is one. */
export function schemaOfFile(relPath: string): string | undefined {
  return FILES.find(([pattern]) => pattern.test(relPath))?.[1];
}

/** The schema's path as written in the modeline of `relPath`: relative to that file's folder. */
export function schemaPathFrom(relPath: string, schema: string): string {
  return posix.relative(posix.dirname(relPath), posix.join(SCHEMAS_IN_REPO, schema));
}

/** `# yaml-language-server: $schema=../../node_modules/@eleventh/cli/schemas/environment.schema.json` for `relPath`. */
export function schemaModeline(relPath: string): string {
  const schema = schemaOfFile(relPath);
  if (schema === undefined) throw new Error(`${relPath} is not a hand-written configuration file`);
  return `${MODELINE_PREFIX}${schemaPathFrom(relPath, schema)}`;
}

/** `text` with its first line the modeline of `relPath` (an existing modeline is replaced, not doubled). */
export function withModeline(relPath: string, text: string): string {
  const rest = text.startsWith(MODELINE_PREFIX) ? text.slice(text.indexOf('\n') + 1 || text.length) : text;
  return `${schemaModeline(relPath)}\n${rest}`;
}
