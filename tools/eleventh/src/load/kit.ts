/** The platform kit as of a source root: `<root>/platform/src/index.ts`, else the installed package. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as Platform from '@eleventh/platform';
import { installedRequire, requireFromRoot } from './source-root';

export type Kit = typeof Platform;

const KIT_PACKAGE = '@eleventh/platform';

const kits = new Map<string, Kit>();

/** Where a repository's own kit would be: its entry, whether it exists or not. */
export function localKitEntry(root: string): string {
  return join(root, 'platform', 'src', 'index.ts');
}

export function kitEntry(root: string): string {
  const local = localKitEntry(root);
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
 * The installed @eleventh/platform (what `require.resolve` finds next to the engine), whole. Config checks
 * take only its rules (installedRules). Loaded on first use.
 */
export function installedKit(): Kit {
  installed ??= installedRequire<Kit>(KIT_PACKAGE);
  return installed;
}

/** What config checks call in the installed kit: its name, reference and secret-value rules, and its "did you mean". */
export const RULE_KEYS = [
  'nameProblem', 'groupProblem', 'GROUP_EXPECTED',
  'registryProblem', 'gitUrlProblem', 'branchProblem', 'tagPatternProblem', 'REGISTRY_EXPECTED', 'GIT_URL_EXPECTED', 'BRANCH_EXPECTED', 'TAG_PATTERN_EXPECTED',
  'storePathProblem', 'secretPropertyProblem', 'secretVersionProblem', 'sealedValueProblem', 'mountPathProblem', 'storeServerProblem', 'vaultRoleProblem', 'vaultPathProblem',
  'looksLikeCredential', 'isCredentialLiteral', 'SECRETS_HINT', 'STORE_PATH_EXPECTED', 'SECRET_PROPERTY_EXPECTED', 'SECRET_VERSION_EXPECTED', 'SEALED_EXPECTED',
  'MOUNT_PATH_EXPECTED', 'STORE_SERVER_EXPECTED', 'VAULT_ROLE_EXPECTED', 'VAULT_PATH_EXPECTED',
  'editDistance', 'nearest', 'didYouMean',
] as const;
export type KitRules = Pick<Kit, (typeof RULE_KEYS)[number]>;

/** The kit's modules that hold RULE_KEYS: leaves, importing nothing but each other. */
const RULE_MODULES = ['names', 'refs', 'secrets', 'suggest'];

let rules: KitRules | undefined;

/**
 * RULE_KEYS from the installed kit's own leaf modules, not its index: every run checks config names with
 * them, and the index loads kubernetes-models and every add-on (~0.24 s) that a repository with its own
 * platform/ then loads a second time from there. A spec (kit-rules.spec) keeps these equal to the index's.
 */
export function installedRules(): KitRules {
  if (!rules) {
    const src = join(dirname(require.resolve(`${KIT_PACKAGE}/package.json`)), 'src');
    const loaded: Record<string, unknown> = Object.assign({}, ...RULE_MODULES.map((m) => installedRequire<object>(join(src, `${m}.ts`))));
    const missing = RULE_KEYS.filter((k) => loaded[k] === undefined);
    // A kit laid out otherwise (a later version) still works: its index has them.
    rules = missing.length === 0 ? (loaded as unknown as KitRules) : installedKit();
  }
  return rules;
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
