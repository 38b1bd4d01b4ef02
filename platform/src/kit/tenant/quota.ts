/**
 * The tenant's ResourceQuota (`tenant-quota`): total CPU and memory requests and the pod count.
 */
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import type { TenantContext } from '../types';
import { tenantMetadata } from './labels';

export type TenantQuotaProps = TenantContext;

/** Build the ResourceQuota from `quota`. */
export function tenantQuota(props: TenantQuotaProps): ResourceQuota {
  return new ResourceQuota({
    metadata: tenantMetadata(props, 'tenant-quota'),
    spec: {
      hard: {
        'requests.cpu': props.quota.cpu,
        'requests.memory': props.quota.memory,
        pods: String(props.quota.pods),
      },
    },
  });
}
