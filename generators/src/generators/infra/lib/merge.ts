/**
 * Kubestack's inheritance: a cluster's configuration is the `apps` base merged with the cluster's own
 * block, which states only its explicit differences. Maps merge key by key, lists and scalars replace.
 */
export type ConfigValue = string | number | boolean | readonly ConfigValue[] | ConfigMap;
export interface ConfigMap {
  readonly [key: string]: ConfigValue;
}

function isMap(value: unknown): value is ConfigMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function mergeConfig(base: ConfigMap, differences: ConfigMap): ConfigMap {
  const out: Record<string, ConfigValue> = { ...base };
  for (const [key, value] of Object.entries(differences)) {
    const inherited = out[key];
    out[key] = isMap(inherited) && isMap(value) ? mergeConfig(inherited, value) : value;
  }
  return out;
}
