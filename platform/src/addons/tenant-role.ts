/**
 * ClusterRole `eleventh-tenant`: what a team may do in its own namespace (bound per namespace by the
 * tenant's RoleBinding). Changes go through git, so people read, restart pods and trigger jobs; they do
 * not edit workloads, read secrets or exec into pods.
 */
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { TENANT_CLUSTER_ROLE } from '../kit/tenant/rbac';
import { platformLabels } from './labels';

const READ = ['get', 'list', 'watch'];

export interface TenantRoleProps {
  /** Environment the role is rendered for. */
  readonly environment: string;
}

/** Build the ClusterRole. */
export function tenantRole(props: TenantRoleProps): ClusterRole {
  return new ClusterRole({
    metadata: { name: TENANT_CLUSTER_ROLE, labels: platformLabels('base', props.environment) },
    rules: [
      {
        apiGroups: [''],
        resources: ['configmaps', 'endpoints', 'events', 'persistentvolumeclaims', 'pods', 'pods/log', 'resourcequotas', 'limitranges', 'serviceaccounts', 'services'],
        verbs: READ,
      },
      { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
      { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets'], verbs: READ },
      { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: READ },
      { apiGroups: ['batch'], resources: ['jobs'], verbs: ['create'] },
      { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: READ },
      { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: READ },
      { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: READ },
      { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: READ },
    ],
  });
}
