/**
 * External Secrets Operator: secrets enter the cluster only by reference (ExternalSecret → a vault, a
 * cloud secret manager), never as plaintext in git. Installs its CRDs; an environment's `secretStore` renders
 * one ClusterSecretStore per namespace (layers/secrets.ts).
 */
import { defineAddon } from './addon';
import type { ChartDisruptionBudget, ChartResources } from './values';
import { HA_REPLICAS } from './values';

export interface ExternalSecretsValues {
  readonly installCRDs: boolean;
  readonly replicaCount: number;
  readonly podDisruptionBudget: ChartDisruptionBudget;
  readonly resources: ChartResources;
  readonly webhook: { readonly replicaCount: number };
  readonly serviceMonitor: { readonly enabled: boolean };
}

export const externalSecrets = defineAddon<ExternalSecretsValues>({
  name: 'external-secrets',
  description: 'Secrets by reference (ExternalSecret → vault / cloud secret manager), never plaintext in git',
  chart: 'external-secrets',
  version: '2.13.0',
  repository: { name: 'external-secrets', url: 'https://charts.external-secrets.io' },
  namespace: 'external-secrets',
  dependsOn: [{ name: 'kube-prometheus-stack', optional: true }],
  values: (ctx) => ({
    installCRDs: true,
    replicaCount: HA_REPLICAS,
    podDisruptionBudget: { enabled: true, minAvailable: 1 },
    resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    webhook: { replicaCount: HA_REPLICAS },
    serviceMonitor: { enabled: ctx.enabled('kube-prometheus-stack') },
  }),
});
