/**
 * The secrets layer of an environment with a `secretStore`, `_platform/secrets/`:
 * - Vault: one ClusterSecretStore per tenant namespace (kit/secrets/secret-store.ts). Its kind is a CRD the
 *   external-secrets add-on installs, so the layer is applied after the platform layer (`afterPlatform`, its
 *   own Flux Kustomization). Nothing waits for it (`namespacesWait: false`): each store becomes ready once its
 *   namespace's ServiceAccount exists, which the namespaces create, so waiting would deadlock a first install;
 * - Sealed Secrets: the controller's HelmRepository and HelmRelease (`secrets-sealed-secrets`), part of the
 *   platform layer, so its CRD exists before any namespace applies a SealedSecret.
 * No store: no layer.
 */
import { KitError } from '../errors';
import type { KubeObject } from '../kit/types';
import { renderSecretStores, type SecretStoreConfig } from '../kit/secrets/secret-store';
import { platformLabels } from '../addons/labels';
import { releaseNameOf, renderAddonLayer } from '../addons';
import type { AddonSetting } from '../addons/addon';
import { sealedSecrets } from '../addons/sealed-secrets';

/** The folder under `_platform/` (so no profile may be called this). */
export const SECRETS_LAYER = 'secrets';

export interface SecretsLayerContext {
  readonly environment: string;
  readonly store?: SecretStoreConfig;
  readonly namespaces: readonly string[];
  readonly settings: Readonly<Record<string, AddonSetting>>;
  readonly baseEnabled: ReadonlySet<string>;
}

/** The add-ons (HelmRelease names) the secrets layer can render, for `platform.addons` settings. */
export function secretsAddons(store?: SecretStoreConfig): string[] {
  return store?.provider === 'sealed-secrets' ? [releaseNameOf(SECRETS_LAYER, sealedSecrets.name)] : [];
}

export function renderSecretsLayer(ctx: SecretsLayerContext): { layer: string; objects: KubeObject[]; afterPlatform?: boolean; namespacesWait?: boolean } | undefined {
  const store = ctx.store;
  if (!store) return undefined;
  if (store.provider === 'sealed-secrets') {
    const objects = renderAddonLayer({ layer: SECRETS_LAYER, environment: ctx.environment, definitions: [sealedSecrets], settings: ctx.settings, baseEnabled: ctx.baseEnabled });
    return objects.length > 0 ? { layer: SECRETS_LAYER, objects } : undefined;
  }
  if (!ctx.baseEnabled.has('external-secrets')) {
    throw new KitError("'secretStore' (vault) needs add-on 'external-secrets', which is turned off (platform.addons.external-secrets: false)", "'external-secrets' enabled, or no 'secretStore'");
  }
  const objects = renderSecretStores({ environment: ctx.environment, store, namespaces: ctx.namespaces, labels: platformLabels(SECRETS_LAYER, ctx.environment) });
  return objects.length > 0 ? { layer: SECRETS_LAYER, objects, afterPlatform: true, namespacesWait: false } : undefined;
}
