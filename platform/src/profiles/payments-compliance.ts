/**
 * Profile `payments-compliance`: what the payments business unit adds for PCI DSS — an audit namespace
 * holding the compliance settings, a cluster-wide read-only auditor role (no secrets) bound to the
 * auditors' group, a namespace that accepts no traffic and sends none but DNS, a Kyverno policy that
 * refuses mutable image tags in the payments namespace, and an audit-log switch for every service.
 */
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { KubeObject } from '../kit/types';
import { NAMESPACE_NAME_LABEL } from '../kit/network-policy';
import { platformLabels } from '../addons/labels';
import { renderClusterPolicy } from '../kit/kyverno';
import type { Profile, ProfileContext } from './profile';

const NAME = 'payments-compliance';
const NAMESPACE = 'payments-compliance';
const AUDITOR_ROLE = 'eleventh-auditor';
const AUDITORS_GROUP = 'payments-auditors';
const READ = ['get', 'list', 'watch'];
/** The tenant the policies guard. */
const PAYMENTS_NAMESPACE = 'payments';

function auditorRole(labels: Record<string, string>): ClusterRole {
  return new ClusterRole({
    metadata: { name: AUDITOR_ROLE, labels },
    rules: [
      {
        apiGroups: [''],
        resources: ['configmaps', 'events', 'limitranges', 'namespaces', 'pods', 'resourcequotas', 'serviceaccounts', 'services'],
        verbs: READ,
      },
      { apiGroups: ['apps', 'batch', 'autoscaling', 'policy'], resources: ['*'], verbs: READ },
      { apiGroups: ['networking.k8s.io', 'rbac.authorization.k8s.io'], resources: ['*'], verbs: READ },
    ],
  });
}

function auditorBinding(labels: Record<string, string>): ClusterRoleBinding {
  return new ClusterRoleBinding({
    metadata: { name: 'eleventh-auditors', labels },
    subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: AUDITORS_GROUP }],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: AUDITOR_ROLE },
  });
}

function compliancePolicy(labels: Record<string, string>, environment: string): ConfigMap {
  return new ConfigMap({
    metadata: { name: 'compliance-policy', namespace: NAMESPACE, labels },
    data: {
      environment,
      standard: 'PCI-DSS-4.0',
      'audit-retention-days': '400',
      'image-tags': 'immutable (40-hex commit or sha256 digest)',
      'change-control': 'promotion by tag only',
    },
  });
}

function isolate(labels: Record<string, string>): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { name: 'default-deny', namespace: NAMESPACE, labels },
    spec: {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } } }],
          ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
        },
      ],
    },
  });
}

function render(ctx: ProfileContext): KubeObject[] {
  const labels = platformLabels(NAME, ctx.environment);
  return [
    new Namespace({
      metadata: {
        name: NAMESPACE,
        labels: { ...labels, 'pod-security.kubernetes.io/enforce': 'restricted', 'eleventh.dev/compliance': 'pci-dss' },
      },
    }),
    compliancePolicy(labels, ctx.environment),
    isolate(labels),
    auditorRole(labels),
    auditorBinding(labels),
  ];
}

/** PCI DSS 6.5 change control: what runs in payments is an immutable image, never a moving tag. */
function immutableImages(labels: Record<string, string>): KubeObject {
  const match = { kinds: ['Pod'], namespaces: [PAYMENTS_NAMESPACE] };
  return renderClusterPolicy({
    name: `${NAME}-immutable-images`,
    labels,
    title: 'Immutable images in payments',
    description: 'Pods in the payments namespace run images by commit tag or digest: no untagged image, no latest.',
    rules: [
      { name: 'require-image-tag', match, failureAction: 'Enforce', message: 'An image tag or digest is required in payments.', pattern: { spec: { containers: [{ image: '*:*' }], '=(initContainers)': [{ image: '*:*' }] } } },
      { name: 'disallow-latest-tag', match, failureAction: 'Enforce', message: "The mutable tag 'latest' is not allowed in payments.", pattern: { spec: { containers: [{ image: '!*:latest' }], '=(initContainers)': [{ image: '!*:latest' }] } } },
    ],
  });
}

/** The payments business unit's compliance profile. */
export const paymentsCompliance: Profile = {
  name: NAME,
  description: 'PCI DSS: audit namespace, read-only auditor role, immutable images in payments (Kyverno), AUDIT_LOG on',
  render,
  policies: (ctx) => [immutableImages(platformLabels(NAME, ctx.environment))],
  defaults: {
    env: { AUDIT_LOG: 'on' },
  },
};
