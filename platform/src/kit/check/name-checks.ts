/**
 * Name checks `validate()` does not make: metadata.name as DNS-1123 (a label for kinds whose name
 * becomes a DNS label, a subdomain for most, a path segment for RBAC), metadata.namespace as a label.
 */
import type { KubeObject } from '../types';
import { isDnsLabel, isDnsSubdomain } from '../names';

const LABEL_KINDS = new Set(['Namespace', 'Service']);
const PATH_SEGMENT_KINDS = new Set(['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']);

function isPathSegment(name: string): boolean {
  return name !== '.' && name !== '..' && !/[/%]/.test(name) && name.length > 0 && name.length <= 253;
}

function nameProblem(kind: string, name: string): string | undefined {
  if (LABEL_KINDS.has(kind)) return isDnsLabel(name) ? undefined : 'DNS-1123 label';
  if (PATH_SEGMENT_KINDS.has(kind)) return isPathSegment(name) ? undefined : "path segment (no '/' or '%')";
  return isDnsSubdomain(name) ? undefined : 'DNS-1123 subdomain';
}

/** Every name problem of `obj`, as messages without the object prefix. */
export function checkNames(obj: KubeObject): string[] {
  const out: string[] = [];
  const name = obj.metadata?.name;
  const namespace = obj.metadata?.namespace;
  if (typeof name !== 'string' || name === '') {
    out.push(`metadata.name is missing`);
  } else {
    const problem = nameProblem(obj.kind, name);
    if (problem) out.push(`metadata.name '${name}' is not a valid ${problem}`);
  }
  if (namespace !== undefined && !isDnsLabel(namespace)) {
    out.push(`metadata.namespace '${namespace}' is not a valid DNS-1123 label`);
  }
  return out;
}
