/** `no-added-capabilities`: no container adds Linux capabilities. */
import { containers, perObject } from '../objects';
import type { EnvironmentPolicyRule, PolicyEnvironment } from '../types';

function check(env: PolicyEnvironment) {
  return perObject(env, (o) =>
    containers(o).flatMap(({ label, container }) => {
      const add = (container.securityContext as { capabilities?: { add?: unknown[] } } | undefined)?.capabilities?.add ?? [];
      return add.length > 0 ? [`${label} adds capabilities ${add.map(String).join(', ')} (expected capabilities.add empty; drop: [ALL])`] : [];
    }),
  );
}

export const noAddedCapabilities: EnvironmentPolicyRule = { name: 'no-added-capabilities', description: 'no container adds Linux capabilities', check };
