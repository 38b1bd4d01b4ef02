/** Small derivations both plan.ts and promoted.ts need to lay out an environment. */
import type { ConfigSet } from '../config/load';
import type { ResolvedTenantConfig } from '../model';

export function namesByNamespace(services: ReadonlyArray<{ name: string; namespace: string }>): Map<string, string[]> {
  const byNs = new Map<string, string[]>();
  for (const s of services) {
    const names = byNs.get(s.namespace);
    if (names) names.push(s.name);
    else byNs.set(s.namespace, [s.name]);
  }
  return byNs;
}

export function tenantsOf(config: ConfigSet, env: string): Map<string, ResolvedTenantConfig> {
  return new Map(config.namespaces(env).map((ns) => [ns, config.tenant(env, ns)] as const));
}
