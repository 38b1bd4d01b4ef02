/**
 * `renderPlatform`: the cluster-wide layer of one environment — the base (platform objects and base
 * add-ons), then each selected profile in the order the environment lists them. Each layer is its own
 * folder (`_platform/<layer>/`), and no two layers may define the same object: a profile names its
 * objects after itself, so any combination of profiles renders side by side.
 * It lives above the kit (layers/ composes kit builders, addons/ and profiles/): the kit never imports
 * addons/ or profiles/, which themselves build on the kit.
 */
import { KitError, show } from '../errors';
import type { KubeObject } from '../kit/types';
import { BASE_ADDONS, enabledBaseAddons, releaseNameOf, renderAddonLayer, renderBaseAddons } from '../addons';
import type { AddonSetting } from '../addons/addon';
import { getProfile, type Profile } from '../profiles';
import { assertDnsLabel } from '../kit/names';
import type { SecretStoreConfig } from '../kit/secrets/secret-store';
import { renderSecretsLayer, secretsAddons, SECRETS_LAYER } from './secrets';

/** The cluster-wide platform layer of one environment: base add-ons plus the selected profiles. */
export interface PlatformContext {
  readonly environment: string;
  readonly profiles: readonly string[];
  /**
   * `platform.addons` as resolved: HelmRelease name (`cert-manager`, `<profile>-<addon>`) → turned off
   * (`enabled: false`) or pinned to another exact chart version. @default {}
   */
  readonly addons?: Readonly<Record<string, { readonly enabled?: boolean; readonly version?: string }>>;
  /** The repository's own profiles (`platform/profiles/index.ts` `PROFILES`), when the kit is the installed package. */
  readonly localProfiles?: readonly Profile[];
  /** environment.yaml `secretStore` as resolved: rendered into `_platform/secrets/`. @default none */
  readonly secretStore?: SecretStoreConfig;
  /** The environment's tenant namespaces (a Vault store has one ClusterSecretStore each). @default [] */
  readonly namespaces?: readonly string[];
}

/** The folder under `_platform/` that holds the base layer (so no profile may be called this). */
export const BASE_LAYER = 'base';

export interface PlatformLayer {
  /** `base`, the profile's name, or `<profile>-policies`: the folder under `_platform/`. */
  readonly layer: string;
  readonly objects: KubeObject[];
  /**
   * Applied by its own Flux Kustomization once the platform layer is ready (its kinds need CRDs the
   * platform's add-ons install), so it is not part of `_platform/kustomization.yaml`. @default false
   */
  readonly afterPlatform?: boolean;
  /**
   * With `afterPlatform`: the namespaces do not wait for this layer (the secrets layer, whose stores need the
   * namespaces' ServiceAccounts to become ready). @default true
   */
  readonly namespacesWait?: boolean;
}

/** The add-on whose CRDs a profile's policies use. */
export const POLICY_ENGINE = 'kyverno';

/** The folder (and Flux Kustomization suffix) of a profile's policies. */
export function policyLayerName(profile: string): string {
  return `${profile}-policies`;
}

function selectedProfiles(names: readonly string[], local: readonly Profile[] = []): Profile[] {
  const seen = new Set<string>();
  return names.map((name) => {
    if (name === BASE_LAYER) throw new KitError(`profile name '${BASE_LAYER}' is reserved for the base layer`, 'another profile name');
    if (name === SECRETS_LAYER) throw new KitError(`profile name '${SECRETS_LAYER}' is reserved for the secrets layer`, 'another profile name');
    if (seen.has(name)) throw new KitError(`profile ${show(name)} is listed twice`, 'each profile at most once');
    seen.add(name);
    return getProfile(name, local);
  });
}

/** Every add-on (HelmRelease name) an environment with these profiles (and this secret store) can configure, sorted. */
export function listAddons(profiles: readonly string[] = [], local: readonly Profile[] = [], secretStore?: SecretStoreConfig): string[] {
  const names = [...BASE_ADDONS.map((a) => a.name), ...secretsAddons(secretStore)];
  for (const p of selectedProfiles(profiles, local)) for (const a of p.addons ?? []) names.push(releaseNameOf(p.name, a.name));
  return names.sort();
}

function checkSettings(settings: Readonly<Record<string, AddonSetting>>, profiles: readonly string[], local: readonly Profile[], store?: SecretStoreConfig): void {
  const known = listAddons(profiles, local, store);
  for (const name of Object.keys(settings)) {
    if (!known.includes(name)) throw new KitError(`unknown add-on ${show(name)}`, `one of: ${known.join(', ')}`);
  }
}

function identity(o: KubeObject): string {
  return `${o.apiVersion.split('/')[0]}/${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

function assertNoCollision(layers: readonly PlatformLayer[]): void {
  const owner = new Map<string, string>();
  for (const { layer, objects } of layers) {
    for (const o of objects) {
      const id = identity(o);
      const first = owner.get(id);
      const where = `${o.kind} ${o.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o.metadata?.name ?? ''}`;
      if (first !== undefined) throw new KitError(`layers '${first}' and '${layer}' both define ${where}`, "a profile's objects named after the profile (e.g. '<profile>-…')");
      owner.set(id, layer);
    }
  }
}

function policyLayers(environment: string, profiles: readonly Profile[], baseEnabled: ReadonlySet<string>): PlatformLayer[] {
  const out: PlatformLayer[] = [];
  for (const p of profiles) {
    const objects = p.policies?.({ environment }) ?? [];
    if (objects.length === 0) continue;
    if (!baseEnabled.has(POLICY_ENGINE)) {
      throw new KitError(`profile ${show(p.name)} declares Kyverno policies, but add-on '${POLICY_ENGINE}' is turned off (platform.addons.${POLICY_ENGINE}: false)`, `'${POLICY_ENGINE}' enabled, or ${show(p.name)} left out of 'profiles'`);
    }
    const layer = policyLayerName(p.name);
    if (profiles.some((q) => q.name === layer)) throw new KitError(`profile ${show(layer)} has the name of the policies layer of ${show(p.name)}`, 'another profile name');
    out.push({ layer, objects, afterPlatform: true });
  }
  return out;
}

/**
 * Build the platform layer by layer: base, each profile, then each profile's policies (`afterPlatform`);
 * throws a KitError for an unknown or repeated profile or add-on, or policies without Kyverno.
 */
export function renderPlatformLayers(ctx: PlatformContext): PlatformLayer[] {
  assertDnsLabel('environment', ctx.environment);
  const local = ctx.localProfiles ?? [];
  const profiles = selectedProfiles(ctx.profiles, local);
  const settings = ctx.addons ?? {};
  checkSettings(settings, ctx.profiles, local, ctx.secretStore);
  const baseEnabled = enabledBaseAddons(settings);
  const layers: PlatformLayer[] = [
    { layer: BASE_LAYER, objects: renderBaseAddons({ environment: ctx.environment, addons: settings }) },
    ...profiles.map((p) => ({
      layer: p.name,
      objects: [
        ...p.render({ environment: ctx.environment }),
        ...renderAddonLayer({ layer: p.name, environment: ctx.environment, definitions: p.addons ?? [], settings, baseEnabled }),
      ],
    })),
  ];
  const secrets = renderSecretsLayer({ environment: ctx.environment, store: ctx.secretStore, namespaces: ctx.namespaces ?? [], settings, baseEnabled });
  const all = [...layers, ...(secrets ? [secrets] : []), ...policyLayers(ctx.environment, profiles, baseEnabled)];
  assertNoCollision(all);
  return all;
}

/** The platform layer as one list (base first, then profiles in the environment's order). */
export function renderPlatform(ctx: PlatformContext): KubeObject[] {
  return renderPlatformLayers(ctx).flatMap((l) => l.objects);
}
