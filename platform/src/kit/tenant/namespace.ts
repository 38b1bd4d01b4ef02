/**
 * The tenant's Namespace, enforcing the `restricted` Pod Security Standard.
 */
import { Namespace } from 'kubernetes-models/v1/Namespace';
import type { TenantContext } from '../types';
import { tenantLabels } from './labels';

export type TenantNamespaceProps = TenantContext;

/** Build the Namespace. */
export function tenantNamespace(props: TenantNamespaceProps): Namespace {
  return new Namespace({
    metadata: {
      name: props.namespace,
      labels: {
        ...tenantLabels(props),
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/warn': 'restricted',
      },
    },
  });
}
