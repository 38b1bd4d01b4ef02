/**
 * The HorizontalPodAutoscaler (autoscaling/v2) of a Deployment, on CPU utilisation.
 */
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { KitError } from '../errors';
import type { AutoscalingConfig } from './types';
import type { IdentityProps } from './labels';
import { serviceMetadata } from './labels';

export interface AutoscalerProps extends IdentityProps {
  /** Bounds and CPU target from the resolved `autoscaling` key. */
  readonly autoscaling: AutoscalingConfig;
}

/** Build the HPA; throws when `max` < `min`. */
export function autoscaler(props: AutoscalerProps): HorizontalPodAutoscaler {
  const { min, max, cpuPercent } = props.autoscaling;
  if (max < min) throw new KitError(`'maxReplicas' (${max}) must be ≥ 'minReplicas' (${min})`);
  return new HorizontalPodAutoscaler({
    metadata: serviceMetadata(props),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: props.name },
      minReplicas: min,
      maxReplicas: max,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpuPercent } } },
      ],
    },
  });
}
