/**
 * `config-map-size`: a ConfigMap's data fits Kubernetes' 1 MiB limit. The service's values ConfigMap is
 * made from config: its finding is at the line that set the largest value.
 */
import { sortedJson, valuesConfigMapName, VALUES_KEY } from '../../../kit/config-map';
import { at, eachObject } from '../objects';
import type { EnvironmentFinding, EnvironmentPolicyRule, PolicyEnvironment, PolicyService } from '../types';

/** Kubernetes refuses a ConfigMap whose data is larger than this. */
export const CONFIG_MAP_LIMIT = 1024 * 1024;

/** UTF-8 bytes of every key and value in `data` and `binaryData` (base64 as it is stored). */
export function configMapBytes(o: Readonly<Record<string, unknown>>): number {
  const entries = [...Object.entries((o.data ?? {}) as Record<string, unknown>), ...Object.entries((o.binaryData ?? {}) as Record<string, unknown>)];
  return entries.reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(String(v)), 0);
}

/** The config leaves under `values` (maps merge, anything else is one value), each with its JSON size. */
export function valueLeaves(value: unknown, path = 'values'): Array<{ key: string; bytes: number }> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => valueLeaves(v, `${path}.${k}`));
  return [{ key: path, bytes: Buffer.byteLength(JSON.stringify(value) ?? '') }];
}

/** For the service's own values ConfigMap, as config made it: the largest value and the line that set it. */
function largestValue(service: PolicyService, o: Readonly<Record<string, unknown>>) {
  const meta = (o.metadata ?? {}) as { name?: string; namespace?: string };
  if (meta.name !== valuesConfigMapName(service.name) || meta.namespace !== service.namespace) return undefined;
  if ((o.data as Record<string, unknown> | undefined)?.[VALUES_KEY] !== sortedJson(service.config.values)) return undefined;
  const largest = valueLeaves(service.config.values).reduce<{ key: string; bytes: number } | undefined>((a, b) => (!a || b.bytes > a.bytes ? b : a), undefined);
  const origin = largest && service.origin(largest.key);
  return largest && origin ? { ...largest, origin } : undefined;
}

function check(env: PolicyEnvironment): EnvironmentFinding[] {
  return eachObject(env).flatMap(({ service, item }) => {
    if (item.object.kind !== 'ConfigMap') return [];
    const size = configMapBytes(item.object);
    if (size <= CONFIG_MAP_LIMIT) return [];
    const largest = largestValue(service, item.object);
    const f = at(service, item, `data is ${size} bytes (expected at most ${CONFIG_MAP_LIMIT}, 1 MiB${largest ? `; the largest value is ${largest.key}, ${largest.bytes} bytes` : ''})`);
    return [largest ? { ...f, file: largest.origin.file, ...(largest.origin.line !== undefined ? { line: largest.origin.line } : {}) } : f];
  });
}

export const configMapSize: EnvironmentPolicyRule = { name: 'config-map-size', description: 'ConfigMap data stays under the 1 MiB Kubernetes limit', check };
