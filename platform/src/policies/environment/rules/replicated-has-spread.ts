/** `replicated-has-spread`: a workload that runs more than one pod spreads them (when availability.spread is on). */
import { at, longRunning, podLabels, podOf, replicaBounds, selects } from '../objects';
import type { EnvironmentFinding, EnvironmentPolicyRule, PolicyEnvironment } from '../types';

function check(env: PolicyEnvironment): EnvironmentFinding[] {
  if (!env.availability.spread) return [];
  return env.services.flatMap((service) =>
    longRunning(service).flatMap((item) => {
      const { min } = replicaBounds(service, item.object);
      if (min <= 1) return [];
      const labels = podLabels(item.object);
      const constraints = ((podOf(item.object) as { topologySpreadConstraints?: Array<{ labelSelector?: unknown }> } | undefined)?.topologySpreadConstraints ?? []);
      return constraints.some((c) => selects(c.labelSelector, labels)) ? [] : [at(service, item, `runs ${min} replicas or more without topologySpreadConstraints selecting its pods (expected one; availability.spread is on)`)];
    }),
  );
}

export const replicatedHasSpread: EnvironmentPolicyRule = { name: 'replicated-has-spread', description: 'a workload with more than one replica has topologySpreadConstraints (availability.spread)', check };
