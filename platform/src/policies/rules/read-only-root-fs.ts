/**
 * `read-only-root-fs`: every container's root filesystem is read-only (write to the /tmp emptyDir).
 */
import type { PolicyRule } from '../types';
import { containersOf } from '../containers';

function check(object: Readonly<Record<string, unknown>>): string[] {
  return containersOf(object)
    .filter(({ container }) => container.securityContext?.readOnlyRootFilesystem !== true)
    .map(({ label }) => `${label} has a writable root filesystem (expected securityContext.readOnlyRootFilesystem: true)`);
}

export const readOnlyRootFs: PolicyRule = {
  name: 'read-only-root-fs',
  description: 'containers set readOnlyRootFilesystem',
  check,
};
