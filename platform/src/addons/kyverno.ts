/**
 * Kyverno: the admission policy engine (policies are Kubernetes resources, no new language), and
 * kyverno-policies: the Pod Security Standards "restricted" set as Kyverno policies. The policies chart
 * uses Kyverno's CRDs, so it `dependsOn` kyverno. Policies start in Audit: the engine's own policy checks
 * (platform/src/policies) already refuse bad manifests before they reach git; the cluster reports drift.
 */
import { defineAddon } from './addon';
import type { ChartResources } from './values';

const VERSION = '3.9.2';
const REPOSITORY = { name: 'kyverno', url: 'https://kyverno.github.io/kyverno' };

export interface KyvernoValues {
  readonly admissionController: { readonly replicas: number; readonly container: { readonly resources: ChartResources } };
  readonly backgroundController: { readonly replicas: number };
  readonly cleanupController: { readonly replicas: number };
  readonly reportsController: { readonly replicas: number };
  readonly features: { readonly policyExceptions: { readonly enabled: boolean; readonly namespace: string } };
  readonly grafana: { readonly enabled: boolean };
  readonly serviceMonitor: { readonly enabled: boolean };
}

export const kyverno = defineAddon<KyvernoValues>({
  name: 'kyverno',
  description: 'Admission policy engine (policies as Kubernetes resources)',
  chart: 'kyverno',
  version: VERSION,
  repository: REPOSITORY,
  namespace: 'kyverno',
  dependsOn: [{ name: 'kube-prometheus-stack', optional: true }],
  values: (ctx) => ({
    admissionController: { replicas: 3, container: { resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '768Mi' } } } },
    backgroundController: { replicas: 2 },
    cleanupController: { replicas: 2 },
    reportsController: { replicas: 2 },
    features: { policyExceptions: { enabled: true, namespace: 'kyverno' } },
    grafana: { enabled: false },
    serviceMonitor: { enabled: ctx.enabled('kube-prometheus-stack') },
  }),
});

export interface KyvernoPoliciesValues {
  readonly podSecurityStandard: 'baseline' | 'restricted' | 'privileged' | 'custom';
  readonly validationFailureAction: 'Audit' | 'Enforce';
  readonly background: boolean;
}

export const kyvernoPolicies = defineAddon<KyvernoPoliciesValues>({
  name: 'kyverno-policies',
  description: 'Pod Security Standards (restricted) as Kyverno policies, in Audit',
  chart: 'kyverno-policies',
  version: VERSION,
  repository: REPOSITORY,
  namespace: 'kyverno',
  dependsOn: [{ name: 'kyverno' }],
  values: () => ({ podSecurityStandard: 'restricted', validationFailureAction: 'Audit', background: true }),
});
