/**
 * Name rules shared by every generator: DNS-1123 labels (the platform kit's rule) that are not reserved.
 */
import { DNS_LABEL_EXPECTED, isDnsLabel } from '@eleventh/platform';
import { GeneratorError } from './errors';

export type NameKind = 'service' | 'namespace' | 'environment' | 'profile';

/** Names each kind may not take, besides anything starting with `_` (generated layers). */
export const RESERVED_NAMES: Readonly<Record<NameKind, readonly string[]>> = {
  service: ['shared'],
  namespace: ['shared', 'default', 'flux-system', 'kube-system', 'kube-public', 'kube-node-lease'],
  environment: ['shared'],
  profile: ['shared', 'index', 'profile', 'base'],
};

/** Why `name` cannot be used for `kind`, or undefined when it can (for prompts that validate). */
export function nameProblem(kind: NameKind, name: unknown): string | undefined {
  if (typeof name === 'string' && name.startsWith('_')) {
    return `${kind} name '${name}' is reserved: names starting with '_' belong to generated layers`;
  }
  if (!isDnsLabel(name)) {
    return `${kind} name ${JSON.stringify(name)} is not valid (expected ${DNS_LABEL_EXPECTED})`;
  }
  if (RESERVED_NAMES[kind].includes(name) || (kind === 'namespace' && name.startsWith('kube-'))) {
    return `${kind} name '${name}' is reserved (expected a name other than ${RESERVED_NAMES[kind].join(', ')})`;
  }
  return undefined;
}

/** Throw a GeneratorError about `path` unless `name` is a valid, unreserved name for `kind`. */
export function assertName(kind: NameKind, name: unknown, path: string): asserts name is string {
  const problem = nameProblem(kind, name);
  if (problem) throw new GeneratorError(path, problem);
}
