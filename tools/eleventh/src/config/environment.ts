/**
 * One environment after its `extends` chain: registry, cluster and profiles inherit (maps merge, lists
 * replace); `promotion` is the environment's own and never inherited. Required after the merge:
 * registry, cluster.name, cluster.git.url (cluster.git.branch defaults to `main`).
 */
import { ConfigError } from '../errors';
import type { GitVerify, ResolvedEnvironment } from '../model';
import type { YamlDoc } from '../yaml/read';
import { fold, layerOf, leafAt, valueAt, type Leaves } from './layers';
import { promotionOf } from './promotion';
import { isPlainObject } from './schema-validate';

const INHERITED_ONLY = ['extends', 'promotion', 'defaults'];
const REQUIRED: ReadonlyArray<readonly string[]> = [['registry'], ['cluster', 'name'], ['cluster', 'git', 'url']];

export function environmentLeaves(chain: readonly string[], docs: ReadonlyMap<string, YamlDoc>): Leaves {
  return fold(chain.map((env) => layerOf(docs.get(env)!, [], INHERITED_ONLY)));
}

export function resolveEnvironment(name: string, chain: readonly string[], docs: ReadonlyMap<string, YamlDoc>): ResolvedEnvironment {
  const leaves = environmentLeaves(chain, docs);
  const text = (path: string[], fallback = ''): string => {
    const v = leafAt(leaves, path)?.value;
    return typeof v === 'string' ? v : fallback;
  };
  const profiles = leafAt(leaves, ['profiles'])?.value;
  const promotion = promotionOf(name, docs.get(name)!);
  const verify = valueAt(leaves, ['cluster', 'git', 'verify']);
  const commitUrl = text(['report', 'commitUrl']);
  return {
    name,
    chain,
    registry: text(['registry']),
    cluster: {
      name: text(['cluster', 'name']),
      git: { url: text(['cluster', 'git', 'url']), branch: text(['cluster', 'git', 'branch'], 'main'), ...(isPlainObject(verify) && typeof verify.secretRef === 'string' ? { verify: gitVerify(verify) } : {}) },
    },
    profiles: Array.isArray(profiles) ? profiles.filter((p): p is string => typeof p === 'string') : [],
    ...(promotion ? { promotion } : {}),
    ...(commitUrl ? { commitUrl } : {}),
  };
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
