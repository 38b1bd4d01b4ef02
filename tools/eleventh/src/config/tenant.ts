/**
 * Namespaces (tenants): the same set in every environment, each declared by a tenant.yaml that inherits
 * along `extends` from platform/defaults.yaml `tenant`. Required after the merge: team, quota.
 */
import { ConfigError } from '../errors';
import type { ResolvedTenantConfig } from '../model';
import type { YamlDoc } from '../yaml/read';
import { fold, layerOf, leafAt, type Leaves } from './layers';
import type { ScannedEnvironment } from './scan';
import { didYouMean } from './suggest';

const REQUIRED = ['team', 'quota.cpu', 'quota.memory', 'quota.pods'];

export function tenantLeaves(platform: YamlDoc, chain: readonly string[], envs: ReadonlyMap<string, ScannedEnvironment>, ns: string): Leaves {
  const layers = [layerOf(platform, ['tenant'])];
  for (const env of chain) {
    const doc = envs.get(env)?.namespaces.get(ns)?.tenant;
    if (doc) layers.push(layerOf(doc, [], ['defaults']));
  }
  return fold(layers);
}

export function toTenantConfig(leaves: Leaves): ResolvedTenantConfig {
  const get = (key: string): unknown => leafAt(leaves, key.split('.'))?.value;
  const allowFrom = get('network.allowFrom');
  return {
    team: String(get('team') ?? ''),
    quota: { cpu: String(get('quota.cpu') ?? ''), memory: String(get('quota.memory') ?? ''), pods: Number(get('quota.pods') ?? 0) },
    allowFrom: Array.isArray(allowFrom) ? allowFrom.map(String) : [],
  };
}

/** Every namespace declared anywhere, sorted. */
export function allNamespaces(envs: ReadonlyMap<string, ScannedEnvironment>): string[] {
  const names = new Set<string>();
  for (const env of envs.values()) for (const [ns, scanned] of env.namespaces) if (scanned.tenant) names.add(ns);
  return [...names].sort();
}

/** Every environment must declare every namespace; overrides need a declared namespace. */
export function checkNamespaceSets(envs: ReadonlyMap<string, ScannedEnvironment>): ConfigError[] {
  const errors: ConfigError[] = [];
  const all = allNamespaces(envs);
  for (const ns of all) {
    const having = [...envs.values()].filter((e) => e.namespaces.get(ns)?.tenant).map((e) => e.name);
    for (const env of envs.values()) {
      if (having.includes(env.name)) continue;
      const file = `environments/${env.name}/${ns}/tenant.yaml`;
      errors.push(new ConfigError({ file }, `namespace '${ns}' has no tenant.yaml in environment '${env.name}' (it has one in ${having.join(', ')})`, 'the same namespaces in every environment: add this file, even empty'));
    }
  }
  for (const env of envs.values()) {
    for (const [ns, scanned] of env.namespaces) {
      if (all.includes(ns)) continue;
      for (const doc of scanned.services.values()) {
        errors.push(new ConfigError({ file: doc.file }, `override in namespace '${ns}', which no environment declares${didYouMean(ns, all)}`, `environments/<env>/${ns}/tenant.yaml in every environment`));
      }
    }
  }
  return errors;
}

/**
 * Required keys after the merge and `network.allowFrom` naming known namespaces. An allowFrom list is
 * checked as this environment inherits it, wherever it was written (platform/defaults.yaml, a tenant.yaml
 * up the chain), and blamed at the item that names the unknown namespace (`itemLine`: file, index → line).
 */
export function checkTenant(
  leaves: Leaves,
  ctx: { env: string; ns: string; parentLacks: ReadonlySet<string>; namespaces: readonly string[]; itemLine?: (file: string, index: number) => number | undefined },
): { errors: ConfigError[]; lacking: Set<string> } {
  const file = `environments/${ctx.env}/${ctx.ns}/tenant.yaml`;
  const errors: ConfigError[] = [];
  const lacking = new Set(REQUIRED.filter((k) => leafAt(leaves, k.split('.'))?.value === undefined));
  for (const key of lacking) {
    if (!ctx.parentLacks.has(key)) errors.push(new ConfigError({ file }, `missing '${key}'`, 'it in this file, the same file of an environment it extends, or platform/defaults.yaml tenant'));
  }
  const allow = leafAt(leaves, ['network', 'allowFrom']);
  if (allow && Array.isArray(allow.value)) {
    allow.value.forEach((name: unknown, i) => {
      if (typeof name === 'string' && ctx.namespaces.includes(name)) return;
      const at = { file: allow.file, line: ctx.itemLine?.(allow.file, i) ?? allow.line };
      const what = typeof name === 'string' ? `unknown namespace '${name}'${didYouMean(name, ctx.namespaces)}` : `${JSON.stringify(name)}, which is not a namespace name`;
      errors.push(new ConfigError(at, `network.allowFrom names ${what}`, `one of: ${ctx.namespaces.join(', ')}`));
    });
  }
  return { errors, lacking };
}
