/** The names the secrets objects share, so the workload, the ExternalSecret and the store agree. */

/** The Secret (and its ExternalSecret or SealedSecret) a service's `secrets:` render into. */
export function secretsObjectName(service: string): string {
  return `${service}-secrets`;
}

/** The ClusterSecretStore one namespace's ExternalSecrets use (usable from that namespace only). */
export function secretStoreName(namespace: string): string {
  return `secrets-${namespace}`;
}

/** The ServiceAccount in each namespace that its store logs in to Vault as (Vault Kubernetes auth). */
export const SECRETS_SERVICE_ACCOUNT = 'eleventh-secrets';

/** How often the operator reads the store again (a rotated secret reaches the Secret within this). */
export const REFRESH_INTERVAL = '1h';
