/**
 * Profile `observability`: a namespace for the metrics stack, a scraper identity with read access to
 * pods, services, endpoints and node metrics, the scrape defaults, and a deny-by-default ingress policy.
 */
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { KubeObject } from '../kit/types';
import { platformLabels } from '../addons/labels';
import type { Profile, ProfileContext } from './profile';
import { blackboxExporter } from './blackbox-exporter';

const NAME = 'observability';
const NAMESPACE = 'observability';
const SCRAPER = 'metrics-scraper';
const READER_ROLE = 'eleventh-metrics-reader';

function readerRole(labels: Record<string, string>): ClusterRole {
  return new ClusterRole({
    metadata: { name: READER_ROLE, labels },
    rules: [
      { apiGroups: [''], resources: ['endpoints', 'nodes', 'pods', 'services'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['get', 'list', 'watch'] },
      { nonResourceURLs: ['/metrics'], verbs: ['get'] },
    ],
  });
}

function scraperBinding(labels: Record<string, string>): ClusterRoleBinding {
  return new ClusterRoleBinding({
    metadata: { name: SCRAPER, labels },
    subjects: [{ kind: 'ServiceAccount', name: SCRAPER, namespace: NAMESPACE }],
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: READER_ROLE },
  });
}

function scrapeDefaults(labels: Record<string, string>, environment: string): ConfigMap {
  return new ConfigMap({
    metadata: { name: 'scrape-defaults', namespace: NAMESPACE, labels },
    data: { environment, 'scrape-interval': '30s', 'retention': '15d', 'pod-annotation': 'prometheus.io/scrape' },
  });
}

function denyIngress(labels: Record<string, string>): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { name: 'default-deny-ingress', namespace: NAMESPACE, labels },
    spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: {} }] }] },
  });
}

function render(ctx: ProfileContext): KubeObject[] {
  const labels = platformLabels(NAME, ctx.environment);
  return [
    new Namespace({ metadata: { name: NAMESPACE, labels: { ...labels, 'pod-security.kubernetes.io/enforce': 'restricted' } } }),
    new ServiceAccount({ metadata: { name: SCRAPER, namespace: NAMESPACE, labels }, automountServiceAccountToken: true }),
    readerRole(labels),
    scraperBinding(labels),
    scrapeDefaults(labels, ctx.environment),
    denyIngress(labels),
  ];
}

/** The observability profile. */
export const observability: Profile = {
  name: NAME,
  description: 'Metrics stack namespace, scraper identity with read access, scrape defaults, blackbox probes',
  render,
  addons: [blackboxExporter],
};
