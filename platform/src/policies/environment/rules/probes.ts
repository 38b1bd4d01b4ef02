/**
 * `http-probes` and `worker-liveness`: a long-running container that serves a port (an http service) has
 * readiness, liveness and startup probes; one that serves none (a worker) has a liveness probe.
 */
import { at, longRunning } from '../objects';
import type { EnvironmentFinding, EnvironmentPolicyRule, PolicyEnvironment } from '../types';

type Container = { name?: string; ports?: unknown[]; readinessProbe?: unknown; livenessProbe?: unknown; startupProbe?: unknown };

function probeCheck(serving: boolean, required: readonly (keyof Container)[], kind: string) {
  return (env: PolicyEnvironment): EnvironmentFinding[] =>
    env.services.flatMap((service) =>
      longRunning(service).flatMap((item) => {
        const cs = ((item.object.spec as { template?: { spec?: { containers?: Container[] } } }).template?.spec?.containers ?? []);
        return cs
          .filter((c) => (c.ports ?? []).length > 0 === serving)
          .flatMap((c) => {
            const missing = required.filter((p) => c[p] === undefined);
            return missing.length > 0 ? [at(service, item, `${kind} container '${c.name ?? '?'}' has no ${missing.join(', ')} (expected ${required.join(', ')})`)] : [];
          });
      }),
    );
}

export const httpProbes: EnvironmentPolicyRule = {
  name: 'http-probes',
  description: 'a container serving a port has readiness, liveness and startup probes',
  check: probeCheck(true, ['readinessProbe', 'livenessProbe', 'startupProbe'], 'http'),
};

export const workerLiveness: EnvironmentPolicyRule = {
  name: 'worker-liveness',
  description: 'a long-running container serving no port (a worker) has a liveness probe',
  check: probeCheck(false, ['livenessProbe'], 'worker'),
};
