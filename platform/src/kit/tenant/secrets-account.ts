/**
 * With a Vault store, the ServiceAccount `eleventh-secrets` its ClusterSecretStore `secrets-<ns>` logs in to
 * Vault as (External Secrets requests a short-lived token for it; nothing mounts it). Vault's Kubernetes auth
 * role for the namespace binds exactly this account in exactly this namespace.
 */
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { TenantContext } from '../types';
import { tenantLabels } from './labels';
import { SECRETS_SERVICE_ACCOUNT } from '../secrets/names';

export function secretsServiceAccount(ctx: TenantContext): ServiceAccount[] {
  if (ctx.secretStore?.provider !== 'vault') return [];
  return [new ServiceAccount({ metadata: { name: SECRETS_SERVICE_ACCOUNT, namespace: ctx.namespace, labels: tenantLabels(ctx) }, automountServiceAccountToken: false })];
}
