/**
 * CODEOWNERS editing: one line per owned path pattern, appended in the order generators run.
 * The file is found where GitHub looks for it (`.github/`, the root, `docs/`); a new one goes to the root.
 */
import type { Tree } from '@nx/devkit';
import { GeneratorError } from './errors';

export const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

const HEADER = '# Who reviews what. Generators append a line for each service and namespace they create.\n';

/** The CODEOWNERS file in use, or where a new one goes. */
export function codeownersPath(tree: Tree): string {
  return CODEOWNERS_LOCATIONS.find((path) => tree.exists(path)) ?? 'CODEOWNERS';
}

/** `@team` for a team or group name given with or without its `@`. */
export function ownerHandle(team: string): string {
  return team.startsWith('@') ? team : `@${team}`;
}

/** The owners of `pattern` when CODEOWNERS already has a line for it. */
export function findCodeOwner(tree: Tree, pattern: string): string | undefined {
  const text = tree.read(codeownersPath(tree), 'utf8') ?? '';
  const line = text.split('\n').find((l) => l.trim().split(/\s+/)[0] === pattern);
  return line?.trim().split(/\s+/).slice(1).join(' ');
}

/** Append `<pattern> @<team>`; refuse when the pattern already has a line (nothing is duplicated). */
export function addCodeOwner(tree: Tree, pattern: string, team: string): void {
  const path = codeownersPath(tree);
  if (findCodeOwner(tree, pattern) !== undefined) {
    throw new GeneratorError(path, `already has a line for '${pattern}'`, 'one line per path');
  }
  const text = tree.read(path, 'utf8') ?? HEADER;
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  tree.write(path, `${text}${separator}${pattern} ${ownerHandle(team)}\n`);
}
