/**
 * The `<name>-values` ConfigMap: the service's free-form `values`, as JSON with sorted keys.
 */
import { createHash } from 'node:crypto';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IdentityProps } from './labels';
import { serviceMetadata } from './labels';

/** Data key of the values file inside the ConfigMap. */
export const VALUES_KEY = 'values.json';
/** Where the values ConfigMap is mounted in every container. */
export const VALUES_MOUNT_PATH = '/etc/eleventh';

export interface ValuesConfigMapProps extends IdentityProps {
  /** The resolved `values` config key. @default {} */
  readonly values?: Readonly<Record<string, unknown>>;
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => [k, sortDeep((value as Record<string, unknown>)[k])] as const);
    return Object.fromEntries(entries);
  }
  return value;
}

/** JSON with object keys sorted at every depth: the same values always give the same text. */
export function sortedJson(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

/** Name of a service's values ConfigMap. */
export function valuesConfigMapName(name: string): string {
  return `${name}-values`;
}

/** sha256 of the values text, set on the pod template so a values change rolls the pods. */
export function valuesChecksum(values: Readonly<Record<string, unknown>> = {}): string {
  return createHash('sha256').update(sortedJson(values)).digest('hex');
}

/** Build the values ConfigMap. */
export function valuesConfigMap(props: ValuesConfigMapProps): ConfigMap {
  return new ConfigMap({
    metadata: serviceMetadata(props, valuesConfigMapName(props.name)),
    data: { [VALUES_KEY]: sortedJson(props.values ?? {}) },
  });
}
