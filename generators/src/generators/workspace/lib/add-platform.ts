/**
 * platform/ in a new repository holds only the organisation's defaults and its base images: the kit,
 * policies, base add-ons and profiles come from the installed @eleventh/platform package (the engine loads
 * `platform/src/index.ts` when a repository has one, else the package), so upgrading Eleventh upgrades them
 * in one place. `platform/images.yaml` (each template class's base, pinned by digest) starts as the package's.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { withModeline, writeNewFile } from '../../../utils';

/** A file of the platform package: defaults.yaml (the start of every resolution) or images.yaml (the bases). */
function platformFile(name: 'defaults.yaml' | 'images.yaml'): string {
  const dir = dirname(require.resolve('@eleventh/platform/package.json'));
  return readFileSync(join(dir, name), 'utf8');
}

/** The platform package's own defaults.yaml: the starting point of every resolution. */
export function platformDefaultsText(): string {
  return platformFile('defaults.yaml');
}

export const PLATFORM_DEFAULTS_FILE = 'platform/defaults.yaml';
export const PLATFORM_IMAGES_FILE = 'platform/images.yaml';

/** platform/defaults.yaml and platform/images.yaml, each's first line the editor modeline naming its schema (whatever the package's copy has). */
export function addPlatform(tree: Tree): void {
  writeNewFile(tree, PLATFORM_DEFAULTS_FILE, withModeline(PLATFORM_DEFAULTS_FILE, platformDefaultsText()));
  writeNewFile(tree, PLATFORM_IMAGES_FILE, withModeline(PLATFORM_IMAGES_FILE, platformFile('images.yaml')));
}
