/**
 * How findings name an object: `Kind namespace/name`, or `Kind name` for cluster-scoped objects.
 */
import type { KubeObject } from '../types';

/** `Deployment payments/payments-api`, `ClusterRole eleventh-tenant`. */
export function describeObject(obj: KubeObject): string {
  const name = obj.metadata?.name ?? '<unnamed>';
  const ns = obj.metadata?.namespace;
  return `${obj.kind} ${ns ? `${ns}/${name}` : name}`;
}
