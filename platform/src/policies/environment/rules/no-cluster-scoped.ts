/** `no-cluster-scoped`: a service renders no cluster-scoped object (those belong to the platform). */
import { perObject } from '../objects';
import type { EnvironmentPolicyRule, PolicyEnvironment } from '../types';

/** The cluster-scoped kinds of Kubernetes and of the add-ons the platform installs. */
export const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition',
  'PriorityClass', 'StorageClass', 'RuntimeClass', 'IngressClass', 'CSIDriver', 'VolumeAttachment',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'APIService', 'CertificateSigningRequest', 'ClusterPolicy',
  'ClusterIssuer', 'ClusterSecretStore', 'ClusterExternalSecret',
]);

function check(env: PolicyEnvironment) {
  return perObject(env, (o) => (CLUSTER_SCOPED.has(String(o.kind)) ? [`is cluster-scoped (expected only namespaced objects in a service; cluster objects belong to platform/)`] : []));
}

export const noClusterScoped: EnvironmentPolicyRule = { name: 'no-cluster-scoped', description: 'a service renders no cluster-scoped object (ClusterRole, ClusterRoleBinding, Namespace, CRD, …)', check };
