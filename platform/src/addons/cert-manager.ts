/**
 * cert-manager: X.509 certificates for ingress and service TLS (ACME, private CAs). Its CRDs are installed
 * by the chart (`crds.enabled`) and kept on uninstall, so deleting the release never deletes certificates.
 */
import { defineAddon } from './addon';
import type { ChartDisruptionBudget, ChartResources } from './values';
import { HA_REPLICAS } from './values';

export interface CertManagerValues {
  readonly crds: { readonly enabled: boolean; readonly keep: boolean };
  readonly replicaCount: number;
  readonly podDisruptionBudget: ChartDisruptionBudget;
  readonly resources: ChartResources;
  readonly webhook: { readonly replicaCount: number; readonly podDisruptionBudget: ChartDisruptionBudget };
  readonly cainjector: { readonly replicaCount: number };
  readonly prometheus: { readonly enabled: boolean; readonly servicemonitor: { readonly enabled: boolean } };
}

export const certManager = defineAddon<CertManagerValues>({
  name: 'cert-manager',
  description: 'X.509 certificates (ACME, private CAs) for ingress and service TLS',
  chart: 'cert-manager',
  version: 'v1.21.1',
  repository: { name: 'jetstack', url: 'https://charts.jetstack.io' },
  namespace: 'cert-manager',
  dependsOn: [{ name: 'kube-prometheus-stack', optional: true }],
  values: (ctx) => ({
    crds: { enabled: true, keep: true },
    replicaCount: HA_REPLICAS,
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
    resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    webhook: { replicaCount: HA_REPLICAS, podDisruptionBudget: { enabled: true, minAvailable: 1 } },
    cainjector: { replicaCount: 1 },
    prometheus: { enabled: ctx.enabled('kube-prometheus-stack'), servicemonitor: { enabled: ctx.enabled('kube-prometheus-stack') } },
  }),
});
