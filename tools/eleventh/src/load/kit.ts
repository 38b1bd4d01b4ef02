/** The platform kit as of a source root: `<root>/platform/src/index.ts`, else the installed package. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type * as Platform from '@eleventh/platform';
import { installedRequire, requireFromRoot } from './source-root';

export type Kit = typeof Platform;

const KIT_PACKAGE = '@eleventh/platform';

const kits = new Map<string, Kit>();

export function kitEntry(root: string): string {
  const local = join(root, 'platform', 'src', 'index.ts');
  return existsSync(local) ? local : require.resolve(KIT_PACKAGE);
}

export function loadKit(root: string): Kit {
  let kit = kits.get(root);
  if (!kit) {
    kit = requireFromRoot<Kit>(root, kitEntry(root));
    kits.set(root, kit);
  }
  return kit;
}

let installed: Kit | undefined;

/**
 * The installed @eleventh/platform (what `require.resolve` finds next to the engine), for what does not
 * depend on a repository's commit: the one "did you mean" (config/suggest.ts). Loaded on first use.
 */
export function installedKit(): Kit {
  installed ??= installedRequire<Kit>(KIT_PACKAGE);
  return installed;
}

/** Where a repository whose kit is the installed package keeps its own profiles (`export const PROFILES`). */
export const LOCAL_PROFILES = join('platform', 'profiles', 'index.ts');

const localProfiles = new Map<string, readonly unknown[]>();

/** The repository's own profiles as of a source root (none when it has no platform/profiles/index.ts). */
export function loadLocalProfiles(root: string): readonly unknown[] {
  let profiles = localProfiles.get(root);
  if (!profiles) {
    const file = join(root, LOCAL_PROFILES);
    const mod = existsSync(file) ? requireFromRoot<{ PROFILES?: unknown }>(root, file) : {};
    profiles = Array.isArray(mod.PROFILES) ? mod.PROFILES : [];
    localProfiles.set(root, profiles);
  }
  return profiles;
}

export function forgetKit(root: string): void {
  kits.delete(root);
  localProfiles.delete(root);
}
