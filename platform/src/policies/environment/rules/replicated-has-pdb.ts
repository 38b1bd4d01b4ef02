/** `replicated-has-pdb`: a workload that runs more than one pod has a PodDisruptionBudget (when availability.pdb is on). */
import { at, longRunning, podLabels, replicaBounds, selects } from '../objects';
import type { EnvironmentFinding, EnvironmentPolicyRule, PolicyEnvironment } from '../types';

function check(env: PolicyEnvironment): EnvironmentFinding[] {
  if (!env.availability.pdb) return [];
  return env.services.flatMap((service) =>
    longRunning(service).flatMap((item) => {
      const { min } = replicaBounds(service, item.object);
      if (min <= 1) return [];
      const labels = podLabels(item.object);
      const covered = service.objects.some((o) => o.object.kind === 'PodDisruptionBudget' && selects((o.object.spec as { selector?: unknown } | undefined)?.selector, labels));
      return covered ? [] : [at(service, item, `runs ${min} replicas or more but no PodDisruptionBudget selects its pods (expected one; availability.pdb is on)`)];
    }),
  );
}

export const replicatedHasPdb: EnvironmentPolicyRule = { name: 'replicated-has-pdb', description: 'a workload with more than one replica has a PodDisruptionBudget (availability.pdb)', check };
