/**
 * One environment after its `extends` chain: registry, cluster and profiles inherit (maps merge, lists
 * replace); `promotion` is the environment's own and never inherited. Required after the merge:
 * registry, cluster.name, cluster.git.url (cluster.git.branch defaults to `main`).
 */
import { ConfigError } from '../errors';
import type { GitVerify, Origin, ResolvedAddonSetting, ResolvedEnvironment } from '../model';
import type { YamlDoc } from '../yaml/read';
import { fold, layerOf, leafAt, leavesUnder, valueAt, type Leaves } from './layers';
import { promotionOf } from './promotion';
import { isPlainObject } from './schema-validate';
import { secretStoreOf } from './secret-store';

const INHERITED_ONLY = ['extends', 'promotion', 'defaults'];
const REQUIRED: ReadonlyArray<readonly string[]> = [['registry'], ['cluster', 'name'], ['cluster', 'git', 'url']];

export function environmentLeaves(chain: readonly string[], docs: ReadonlyMap<string, YamlDoc>): Leaves {
  return fold(chain.map((env) => layerOf(docs.get(env)!, [], INHERITED_ONLY)));
}

/**
 * `platform.addons` along platform/defaults.yaml then the chain (maps merge, so prod can turn one add-on off
 * and inherit the rest). A leaf is `false`/`true` for the whole add-on, or its `enabled` / `version`.
 */
export function resolveAddonSettings(chain: readonly string[], docs: ReadonlyMap<string, YamlDoc>, platform?: YamlDoc): Record<string, ResolvedAddonSetting> {
  const layers = [...(platform ? [layerOf(platform, [], ['service', 'tenant'])] : []), ...chain.map((env) => layerOf(docs.get(env)!, [], INHERITED_ONLY))];
  const out: Record<string, { enabled?: boolean; version?: string; file: string; line?: number }> = {};
  for (const leaf of leavesUnder(fold(layers), ['platform', 'addons'])) {
    const [name, key] = leaf.path.slice(2);
    if (name === undefined) continue;
    const entry = (out[name] ??= { file: leaf.file, line: leaf.line });
    if (key === undefined && typeof leaf.value === 'boolean') entry.enabled = leaf.value;
    else if (key === 'enabled' && typeof leaf.value === 'boolean') entry.enabled = leaf.value;
    else if (key === 'version' && typeof leaf.value === 'string') entry.version = leaf.value;
    if (key === undefined || key === 'version' || entry.line === undefined) Object.assign(entry, { file: leaf.file, line: leaf.line });
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

function profileOrigins(chain: readonly string[], docs: ReadonlyMap<string, YamlDoc>, count: number): Origin[] {
  for (const env of [...chain].reverse()) {
    const doc = docs.get(env)!;
    if (isPlainObject(doc.value) && Array.isArray(doc.value.profiles)) {
      return Array.from({ length: count }, (_, i) => ({ file: doc.file, line: doc.lineOf(['profiles', i]) ?? doc.lineOf(['profiles']) }));
    }
  }
  return [];
}

export function resolveEnvironment(name: string, chain: readonly string[], docs: ReadonlyMap<string, YamlDoc>, platform?: YamlDoc): ResolvedEnvironment {
  const leaves = environmentLeaves(chain, docs);
  const text = (path: string[], fallback = ''): string => {
    const v = leafAt(leaves, path)?.value;
    return typeof v === 'string' ? v : fallback;
  };
  const profiles = leafAt(leaves, ['profiles'])?.value;
  const profileList = Array.isArray(profiles) ? profiles.filter((p): p is string => typeof p === 'string') : [];
  const promotion = promotionOf(name, docs.get(name)!);
  const verify = valueAt(leaves, ['cluster', 'git', 'verify']);
  const commitUrl = text(['report', 'commitUrl']);
  const secretStore = secretStoreOf(leaves);
  return {
    name,
    chain,
    registry: text(['registry']),
    cluster: {
      name: text(['cluster', 'name']),
      git: { url: text(['cluster', 'git', 'url']), branch: text(['cluster', 'git', 'branch'], 'main'), ...(isPlainObject(verify) && typeof verify.secretRef === 'string' ? { verify: gitVerify(verify) } : {}) },
    },
    profiles: profileList,
    profileOrigins: profileOrigins(chain, docs, profileList.length),
    addons: resolveAddonSettings(chain, docs, platform),
    ...(promotion ? { promotion } : {}),
    ...(commitUrl ? { commitUrl } : {}),
    availability: { pdb: flag(leaves, 'pdb', true), spread: flag(leaves, 'spread', promotion !== undefined) },
    ...(secretStore ? { secretStore } : {}),
  };
}

function flag(leaves: Leaves, key: 'pdb' | 'spread', fallback: boolean): boolean {
  const v = leafAt(leaves, ['availability', key])?.value;
  return typeof v === 'boolean' ? v : fallback;
}

function gitVerify(raw: Record<string, unknown>): GitVerify {
  const mode = raw.mode === 'Tag' || raw.mode === 'TagAndHEAD' ? raw.mode : 'HEAD';
  return { mode, secretRef: String(raw.secretRef) };
}

/**
 * Required keys missing after the merge, reported at the environment nearest the root that lacks them
 * (its descendants inherit the gap; one report is enough).
 */
export function checkRequiredEnvironmentKeys(chains: ReadonlyMap<string, readonly string[]>, docs: ReadonlyMap<string, YamlDoc>): ConfigError[] {
  const errors: ConfigError[] = [];
  const missing = new Map<string, Set<string>>();
  const ordered = [...chains.entries()].sort((a, b) => a[1].length - b[1].length);
  for (const [name, chain] of ordered) {
    const leaves = environmentLeaves(chain, docs);
    const parent = chain.length > 1 ? chain[chain.length - 2] : undefined;
    const lacking = new Set(REQUIRED.map((p) => p.join('.')).filter((k) => !isSet(valueAt(leaves, k.split('.')))));
    missing.set(name, lacking);
    for (const key of lacking) {
      if (parent !== undefined && missing.get(parent)?.has(key)) continue;
      const inherited = chain.length > 1 ? ` or in an environment it extends (${chain.slice(0, -1).join(', ')})` : '';
      errors.push(new ConfigError({ file: docs.get(name)!.file }, `missing '${key}'`, `it in this file${inherited}`));
    }
  }
  return errors;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && !(isPlainObject(value) && Object.keys(value).length === 0) && value !== '';
}
