/**
 * The tenant's LimitRange (`tenant-limits`): requests and limits for containers that state none,
 * so the quota can admit them.
 */
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import type { ResourceAmounts, TenantContext } from '../types';
import { tenantMetadata } from './labels';

/** The platform defaults (platform/defaults.yaml `service.resources` / `service.limits`). */
export const DEFAULT_CONTAINER_RESOURCES: { readonly requests: ResourceAmounts; readonly limits: ResourceAmounts } = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
};

export type TenantLimitRangeProps = TenantContext;

/** Build the LimitRange. */
export function tenantLimitRange(props: TenantLimitRangeProps): LimitRange {
  const { requests, limits } = props.containerDefaults ?? DEFAULT_CONTAINER_RESOURCES;
  return new LimitRange({
    metadata: tenantMetadata(props, 'tenant-limits'),
    spec: {
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: requests.cpu, memory: requests.memory },
          default: { cpu: limits.cpu, memory: limits.memory },
        },
      ],
    },
  });
}
