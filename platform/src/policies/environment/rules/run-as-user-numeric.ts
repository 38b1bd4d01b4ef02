/** `run-as-user-numeric`: every container runs as a numeric non-root user (its own runAsUser, or the pod's). */
import { containers, perObject, podOf } from '../objects';
import type { EnvironmentPolicyRule, PolicyEnvironment } from '../types';

type Security = { runAsUser?: unknown };

function check(env: PolicyEnvironment) {
  return perObject(env, (o) => {
    const pod = (podOf(o)?.securityContext ?? {}) as Security;
    return containers(o).flatMap(({ label, container }) => {
      const user = (container.securityContext as Security | undefined)?.runAsUser ?? pod.runAsUser;
      return Number.isInteger(user) && (user as number) > 0 ? [] : [`${label} has no numeric runAsUser (${user === undefined ? 'unset' : JSON.stringify(user)}; expected securityContext.runAsUser: an integer > 0, e.g. 10001)`];
    });
  });
}

export const runAsUserNumeric: EnvironmentPolicyRule = { name: 'run-as-user-numeric', description: 'containers run as a numeric non-root runAsUser (pod or container securityContext)', check };
