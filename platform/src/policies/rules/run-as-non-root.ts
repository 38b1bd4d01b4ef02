/**
 * `run-as-non-root`: every container runs as non-root (its own securityContext, or the pod's).
 */
import type { PolicyRule } from '../types';
import { containersOf, podSpecOf } from '../containers';

function check(object: Readonly<Record<string, unknown>>): string[] {
  const podDefault = podSpecOf(object)?.securityContext?.runAsNonRoot;
  return containersOf(object)
    .filter(({ container }) => (container.securityContext?.runAsNonRoot ?? podDefault) !== true)
    .map(({ label }) => `${label} may run as root (expected securityContext.runAsNonRoot: true)`);
}

export const runAsNonRoot: PolicyRule = {
  name: 'run-as-non-root',
  description: 'containers set runAsNonRoot (directly or through the pod)',
  check,
};
