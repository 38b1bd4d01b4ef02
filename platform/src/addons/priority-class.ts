/**
 * PriorityClass `eleventh-service`: the priority every service pod runs with (set by the kit).
 */
import { PriorityClass } from 'kubernetes-models/scheduling.k8s.io/v1/PriorityClass';
import { SERVICE_PRIORITY_CLASS } from '../kit/workload';
import { platformLabels } from './labels';

export interface ServicePriorityClassProps {
  /** Environment the class is rendered for. */
  readonly environment: string;
  /** Priority value. @default 100000 */
  readonly value?: number;
}

/** Build the PriorityClass. */
export function servicePriorityClass(props: ServicePriorityClassProps): PriorityClass {
  return new PriorityClass({
    metadata: { name: SERVICE_PRIORITY_CLASS, labels: platformLabels('base', props.environment) },
    value: props.value ?? 100000,
    globalDefault: false,
    preemptionPolicy: 'PreemptLowerPriority',
    description: 'Eleventh services: above batch and best-effort workloads, below system components.',
  });
}
