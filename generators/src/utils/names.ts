/**
 * Name rules for every generator: the platform's one names module (@eleventh/platform `nameProblem`:
 * DNS-1123 labels, and the names reserved for Kubernetes, the GitOps controllers, the platform, generated
 * `_` layers and the repository layout). The engine refuses the same names in environments/.
 */
import { nameProblem as platformNameProblem, RESERVED_NAMES, type NameKind } from '@eleventh/platform';
import { GeneratorError } from './errors';

export { RESERVED_NAMES, type NameKind };

/** Why `name` cannot be used for `kind` as one line, or undefined when it can (for prompts that validate). */
export function nameProblem(kind: NameKind, name: unknown): string | undefined {
  const found = platformNameProblem(kind, name);
  return found && `${found.problem} (expected ${found.expected})`;
}

/** Throw a GeneratorError about `path` unless `name` is a valid, unreserved name for `kind`. */
export function assertName(kind: NameKind, name: unknown, path: string): asserts name is string {
  const found = platformNameProblem(kind, name);
  if (found) throw new GeneratorError(path, found.problem, found.expected);
}
