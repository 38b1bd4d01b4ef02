/**
 * An environment's secret store. With Vault, one ClusterSecretStore per tenant namespace, `secrets-<ns>`:
 * usable only from that namespace (`conditions.namespaces`), logging in to Vault through Kubernetes auth as
 * that namespace's ServiceAccount `eleventh-secrets` with that namespace's own Vault role (`{namespace}` in
 * the role). So a tenant's ExternalSecret can reach only its own store, and its store only what Vault's
 * policy for its role allows: no tenant reads another tenant's paths, whatever path it writes.
 */
import { KitError, show } from '../../errors';
import { STORE_SERVER_EXPECTED, VAULT_PATH_EXPECTED, VAULT_ROLE_EXPECTED, storeServerProblem, vaultPathProblem, vaultRoleOf, vaultRoleProblem } from '../../secrets';
import { assertDnsLabel } from '../names';
import type { KubeObject } from '../types';
import { ClusterSecretStore } from './eso-models';
import { SECRETS_SERVICE_ACCOUNT, secretStoreName } from './names';

/** HashiCorp Vault (KV) through External Secrets Operator, Kubernetes auth. */
export interface VaultStoreConfig {
  readonly provider: 'vault';
  /** `https://vault.example.com:8200`. */
  readonly server: string;
  /** The KV secrets engine's mount. @default 'secret' */
  readonly path?: string;
  /** KV version. @default 'v2' */
  readonly version?: 'v1' | 'v2';
  readonly auth: { readonly kubernetes: { readonly role: string; /** @default 'kubernetes' */ readonly mountPath?: string } };
}

/** Bitnami Sealed Secrets: ciphertexts in git, decrypted by the cluster's controller; no store object. */
export interface SealedStoreConfig {
  readonly provider: 'sealed-secrets';
}

export type SecretStoreConfig = VaultStoreConfig | SealedStoreConfig;

export interface SecretStoresContext {
  readonly environment: string;
  readonly store: SecretStoreConfig;
  /** Every tenant namespace of the environment. */
  readonly namespaces: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

function checked(at: string, value: unknown, problem: (v: string) => string | undefined, expected: string): string {
  if (typeof value !== 'string') throw new KitError(`'${at}' (${show(value)}) is not a string`, expected);
  const why = problem(value);
  if (why) throw new KitError(`'${at}' (${show(value)}) ${why}`, expected);
  return value;
}

/** Throws a KitError naming the `secretStore.…` key that is wrong. */
export function checkVaultStore(store: VaultStoreConfig): void {
  checked('secretStore.server', store.server, storeServerProblem, STORE_SERVER_EXPECTED);
  if (store.path !== undefined) checked('secretStore.path', store.path, vaultPathProblem, VAULT_PATH_EXPECTED);
  if (store.version !== undefined && store.version !== 'v1' && store.version !== 'v2') throw new KitError(`'secretStore.version' (${show(store.version)}) is not a KV version`, 'v1 or v2');
  const k8s = store.auth?.kubernetes;
  if (k8s === undefined) throw new KitError(`'secretStore.auth.kubernetes' is missing`, '{ role, mountPath }: Vault Kubernetes auth');
  checked('secretStore.auth.kubernetes.role', k8s.role, vaultRoleProblem, VAULT_ROLE_EXPECTED);
  if (k8s.mountPath !== undefined) checked('secretStore.auth.kubernetes.mountPath', k8s.mountPath, vaultPathProblem, VAULT_PATH_EXPECTED);
}

function vaultStore(ctx: SecretStoresContext, store: VaultStoreConfig, namespace: string): ClusterSecretStore {
  const k8s = store.auth.kubernetes;
  return new ClusterSecretStore({
    metadata: { name: secretStoreName(namespace), labels: { ...ctx.labels } },
    spec: {
      conditions: [{ namespaces: [namespace] }],
      provider: {
        vault: {
          server: store.server,
          path: store.path ?? 'secret',
          version: store.version ?? 'v2',
          auth: { kubernetes: { mountPath: k8s.mountPath ?? 'kubernetes', role: vaultRoleOf(k8s.role, namespace, ctx.environment), serviceAccountRef: { name: SECRETS_SERVICE_ACCOUNT, namespace } } },
        },
      },
    },
  });
}

/** The store objects of an environment: Vault's per-namespace ClusterSecretStores; none for Sealed Secrets. */
export function renderSecretStores(ctx: SecretStoresContext): KubeObject[] {
  assertDnsLabel('environment', ctx.environment);
  const store = ctx.store;
  if (store.provider === 'sealed-secrets') return [];
  if (store.provider !== 'vault') throw new KitError(`'secretStore.provider' (${show((store as { provider: unknown }).provider)}) is not a secret store`, 'vault or sealed-secrets');
  checkVaultStore(store);
  return [...ctx.namespaces].sort().map((ns) => {
    assertDnsLabel('namespace', ns);
    return vaultStore(ctx, store, ns) as unknown as KubeObject;
  });
}
