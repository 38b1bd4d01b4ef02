/** `config-map-size`: a ConfigMap's data fits Kubernetes' 1 MiB limit. */
import { perObject } from '../objects';
import type { EnvironmentPolicyRule, PolicyEnvironment } from '../types';

/** Kubernetes refuses a ConfigMap whose data is larger than this. */
export const CONFIG_MAP_LIMIT = 1024 * 1024;

/** UTF-8 bytes of every key and value in `data` and `binaryData` (base64 as it is stored). */
export function configMapBytes(o: Readonly<Record<string, unknown>>): number {
  const entries = [...Object.entries((o.data ?? {}) as Record<string, unknown>), ...Object.entries((o.binaryData ?? {}) as Record<string, unknown>)];
  return entries.reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
}

function check(env: PolicyEnvironment) {
  return perObject(env, (o) => {
    if (o.kind !== 'ConfigMap') return [];
    const size = configMapBytes(o);
    return size > CONFIG_MAP_LIMIT ? [`data is ${size} bytes (expected at most ${CONFIG_MAP_LIMIT}, 1 MiB)`] : [];
  });
}

export const configMapSize: EnvironmentPolicyRule = { name: 'config-map-size', description: 'ConfigMap data stays under the 1 MiB Kubernetes limit', check };
