/** Kyverno kinds the kit builds (kubernetes-models has no Kyverno package). */
export { ClusterPolicy, renderClusterPolicy, KYVERNO_API, type ClusterPolicyProps, type ClusterPolicyRule, type ResourceFilter } from './cluster-policy';
export { checkShape, type Shape } from './shape';
