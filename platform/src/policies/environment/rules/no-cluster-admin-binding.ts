/** `no-cluster-admin-binding`: no RoleBinding or ClusterRoleBinding grants cluster-admin. */
import { perObject } from '../objects';
import type { EnvironmentPolicyRule, PolicyEnvironment } from '../types';

function check(env: PolicyEnvironment) {
  return perObject(env, (o) => {
    if (o.kind !== 'RoleBinding' && o.kind !== 'ClusterRoleBinding') return [];
    const ref = (o.roleRef ?? {}) as { name?: string };
    return ref.name === 'cluster-admin' ? [`binds cluster-admin (expected a role with only the verbs and resources the service needs)`] : [];
  });
}

export const noClusterAdminBinding: EnvironmentPolicyRule = { name: 'no-cluster-admin-binding', description: 'no RoleBinding or ClusterRoleBinding refers to cluster-admin', check };
