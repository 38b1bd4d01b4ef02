/**
 * The RoleBinding `<team>-developers`: the team's group gets the platform's `eleventh-tenant`
 * ClusterRole in its own namespace only.
 */
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { TenantContext } from '../types';
import { teamSlug, tenantMetadata } from './labels';

/** The ClusterRole every team is bound to in its namespace (a base add-on). */
export const TENANT_CLUSTER_ROLE = 'eleventh-tenant';

export type TenantRoleBindingProps = TenantContext;

/** Build the RoleBinding. */
export function tenantRoleBinding(props: TenantRoleBindingProps): RoleBinding {
  return new RoleBinding({
    metadata: tenantMetadata(props, `${teamSlug(props.team)}-developers`),
    subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: props.team }],
    roleRef: { kind: 'ClusterRole', apiGroup: 'rbac.authorization.k8s.io', name: TENANT_CLUSTER_ROLE },
  });
}
