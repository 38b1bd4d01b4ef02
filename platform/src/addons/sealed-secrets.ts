/**
 * Bitnami Sealed Secrets controller: installed only in environments whose `secretStore.provider` is
 * `sealed-secrets` (the secrets layer renders it, not the base). It holds the cluster's private key and
 * decrypts each SealedSecret into a Secret of the same name and namespace. Named
 * `sealed-secrets-controller` in namespace `sealed-secrets`: seal with
 * `kubeseal --controller-namespace sealed-secrets --controller-name sealed-secrets-controller`.
 */
import { defineAddon } from './addon';
import type { ChartResources } from './values';

export interface SealedSecretsValues {
  readonly fullnameOverride: string;
  readonly resources: ChartResources;
  readonly metrics: { readonly serviceMonitor: { readonly enabled: boolean } };
}

export const SEALED_SECRETS_CONTROLLER = 'sealed-secrets-controller';

export const sealedSecrets = defineAddon<SealedSecretsValues>({
  name: 'sealed-secrets',
  description: 'Sealed Secrets controller: decrypts SealedSecrets committed to git into Secrets (secretStore.provider: sealed-secrets)',
  chart: 'sealed-secrets',
  version: '2.17.0',
  repository: { name: 'sealed-secrets', url: 'https://bitnami-labs.github.io/sealed-secrets' },
  namespace: 'sealed-secrets',
  dependsOn: [{ name: 'kube-prometheus-stack', optional: true }],
  values: (ctx) => ({
    fullnameOverride: SEALED_SECRETS_CONTROLLER,
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    metrics: { serviceMonitor: { enabled: ctx.enabled('kube-prometheus-stack') } },
  }),
});
