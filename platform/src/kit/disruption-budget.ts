/**
 * The PodDisruptionBudget of a service that runs more than one pod: at most one pod down at a time.
 */
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { ResolvedServiceConfig } from './types';
import type { IdentityProps } from './labels';
import { selectorLabels, serviceMetadata } from './labels';

export type DisruptionBudgetProps = IdentityProps;

/** The fewest replicas the service runs with: the HPA floor, or the fixed count. */
export function minReplicas(config: ResolvedServiceConfig): number {
  return config.autoscaling === false ? config.replicas : config.autoscaling.min;
}

/** Build the PDB (callers add it only when `minReplicas(config) > 1`). */
export function disruptionBudget(props: DisruptionBudgetProps): PodDisruptionBudget {
  return new PodDisruptionBudget({
    metadata: serviceMetadata(props),
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(props) } },
  });
}
