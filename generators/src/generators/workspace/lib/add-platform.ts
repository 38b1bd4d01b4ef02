/**
 * platform/ in a new repository holds only the organisation's defaults: the kit, policies, base add-ons and
 * profiles come from the installed @eleventh/platform package (the engine loads `platform/src/index.ts`
 * when a repository has one, else the package), so upgrading Eleventh upgrades them in one place.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { withModeline, writeNewFile } from '../../../utils';

/** The platform package's own defaults.yaml: the starting point of every resolution. */
export function platformDefaultsText(): string {
  const dir = dirname(require.resolve('@eleventh/platform/package.json'));
  return readFileSync(join(dir, 'defaults.yaml'), 'utf8');
}

export const PLATFORM_DEFAULTS_FILE = 'platform/defaults.yaml';

/** platform/defaults.yaml, its first line the editor modeline naming its schema (whatever the package's copy has). */
export function addPlatform(tree: Tree): void {
  writeNewFile(tree, PLATFORM_DEFAULTS_FILE, withModeline(PLATFORM_DEFAULTS_FILE, platformDefaultsText()));
}
