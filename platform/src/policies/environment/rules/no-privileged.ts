/** `no-privileged`: no container is privileged. */
import { containers, perObject } from '../objects';
import type { EnvironmentPolicyRule, PolicyEnvironment } from '../types';

function check(env: PolicyEnvironment) {
  return perObject(env, (o) =>
    containers(o)
      .filter(({ container }) => (container.securityContext as { privileged?: unknown } | undefined)?.privileged === true)
      .map(({ label }) => `${label} is privileged (expected securityContext.privileged unset or false)`),
  );
}

export const noPrivileged: EnvironmentPolicyRule = { name: 'no-privileged', description: 'no container sets securityContext.privileged', check };
