/**
 * The layers of one environment around its services: `_platform/` (base add-ons and profiles), `_flux/`
 * (one Flux Kustomization per namespace), each namespace's base, and the kustomization.yaml files that tie
 * them together. Services are rendered separately (render/service.ts); this file only lists their folders.
 */
import type { KubeObject } from '@eleventh/platform';
import { dirname } from 'node:path';
import { kitEntry, type Kit } from '../load/kit';
import type { RecipeAddon, ResolvedEnvironment, ResolvedTenantConfig } from '../model';
import { ConfigError, ValidationError } from '../errors';
import { addFolder, kustomization, type FileMap } from './files';
import { kitCall } from './kit-call';
import { platformLayers } from './platform';
import { addonEntries } from './addons';

export interface EnvironmentLayout {
  readonly environment: ResolvedEnvironment;
  /** Namespace → its resolved tenancy. */
  readonly tenants: ReadonlyMap<string, ResolvedTenantConfig>;
  /** Namespace → service names rendered there (any order). */
  readonly services: ReadonlyMap<string, readonly string[]>;
}

function checked(kit: Kit, where: string, objects: KubeObject[]): KubeObject[] {
  const findings = objects.flatMap((o) => kit.checkObject(o).map((f) => `${where}: ${f}`));
  if (findings.length > 0) throw new ValidationError(findings);
  return objects;
}

/**
 * `_flux/`: the bootstrap (GitRepository, platform layer, namespaces depending on it) from the kit; a kit
 * from before the bootstrap builders (a promotion of an old tag) renders the namespace Kustomizations only.
 */
function fluxObjects(kit: Kit, env: ResolvedEnvironment, namespaces: readonly string[], platform: PlatformOutcome): KubeObject[] {
  if (typeof kit.renderFluxBootstrap === 'function') {
    try {
      const verify = env.cluster.git.verify;
      const waited = platform.afterPlatform.filter((l) => !platform.alongside.includes(l));
      const after = waited.length > 0 ? { afterPlatform: waited } : {};
      const alongside = platform.alongside.length > 0 ? { alongsideNamespaces: platform.alongside } : {};
      return kit.renderFluxBootstrap({ environment: env.name, url: env.cluster.git.url, branch: env.cluster.git.branch, namespaces, ...(verify ? { verify } : {}), ...after, ...alongside });
    } catch (err) {
      if (err instanceof kit.KitError) throw new ConfigError({ file: `environments/${env.name}/environment.yaml` }, err.problem, err.expected ?? 'cluster.git {url, branch}');
      throw err;
    }
  }
  return namespaces.map((ns) => kit.renderFluxNamespace({ environment: env.name, namespace: ns, path: `./environments/${env.name}/${ns}` }));
}

/** What the layers tell the recipe. */
export interface LayersOutcome {
  /** HelmRelease name → chart, version, repository, values digest (empty without add-ons). */
  readonly addons: Readonly<Record<string, RecipeAddon>>;
}

interface PlatformOutcome {
  readonly objects: KubeObject[];
  /** Layers applied after the platform layer is ready (a profile's policies): folders under `_platform/`. */
  readonly afterPlatform: string[];
  /** Of those, the ones the namespaces do not wait for (the secrets layer). */
  readonly alongside: string[];
}

/**
 * `_platform/`: one folder per layer (base, then each profile), or one flat folder for a kit from before
 * layers. `_platform/kustomization.yaml` lists the layers Flux applies as the platform layer; the ones that
 * need its CRDs first (`afterPlatform`) are left out of it and applied by their own Kustomization.
 */
function addPlatform(kit: Kit, env: ResolvedEnvironment, base: string, files: FileMap, opts: PlatformOptions, namespaces: readonly string[]): PlatformOutcome {
  const layers = platformLayers(kit, env, opts.localProfiles ?? [], opts.sourceRoot ? { root: opts.sourceRoot, dir: dirname(kitEntry(opts.sourceRoot)) } : undefined, namespaces);
  if (layers.flat) {
    addFolder(files, `${base}/_platform`, checked(kit, `${base}/_platform`, layers.flat));
    return { objects: layers.flat, afterPlatform: [], alongside: [] };
  }
  for (const layer of layers.layers) addFolder(files, `${base}/_platform/${layer.layer}`, checked(kit, `${base}/_platform/${layer.layer}`, layer.objects));
  files.set(`${base}/_platform/kustomization.yaml`, kustomization(layers.layers.filter((l) => !l.afterPlatform).map((l) => l.layer)));
  const after = layers.layers.filter((l) => l.afterPlatform);
  return { objects: layers.layers.flatMap((l) => l.objects), afterPlatform: after.map((l) => l.layer), alongside: after.filter((l) => l.namespacesWait === false).map((l) => l.layer) };
}

export interface PlatformOptions {
  /** The repository's own profiles (load/kit.ts loadLocalProfiles). */
  readonly localProfiles?: readonly unknown[];
  /** The source root the kit was loaded from: bad values in the kit's source are reported there. */
  readonly sourceRoot?: string;
}

/** Render every non-service file of one environment into `files`. */
export function renderEnvironmentLayers(kit: Kit, layout: EnvironmentLayout, files: FileMap, opts: PlatformOptions = {}): LayersOutcome {
  const env = layout.environment;
  const base = `environments/${env.name}`;
  const namespaces = [...layout.tenants.keys()].sort();
  const platform = addPlatform(kit, env, base, files, opts, namespaces);
  const after = platform.afterPlatform;
  addFolder(files, `${base}/_flux`, checked(kit, `${base}/_flux`, fluxObjects(kit, env, namespaces, platform)));
  if (typeof kit.renderArgoBootstrap === 'function') {
    const argo = { environment: env.name, url: env.cluster.git.url, branch: env.cluster.git.branch, ...(after.length > 0 ? { afterPlatform: after } : {}) };
    addFolder(files, `${base}/_argocd`, checked(kit, `${base}/_argocd`, kit.renderArgoBootstrap(argo)));
  }
  for (const ns of namespaces) {
    const tenant = layout.tenants.get(ns)!;
    const egressTo = namespaces.filter((other) => layout.tenants.get(other)!.allowFrom.includes(ns));
    const where = `${base}/${ns}/tenant.yaml`;
    const secretStore = env.secretStore ? { secretStore: { provider: env.secretStore.config.provider as 'vault' | 'sealed-secrets' } } : {};
    const objects = kitCall(kit, where, () => kit.renderTenant({ environment: env.name, namespace: ns, team: tenant.team, quota: tenant.quota, allowFrom: tenant.allowFrom, egressTo, ...secretStore }));
    addFolder(files, `${base}/${ns}`, checked(kit, where, objects), layout.services.get(ns) ?? []);
  }
  files.set(`${base}/kustomization.yaml`, kustomization(['_platform', ...after.map((l) => `_platform/${l}`), ...namespaces]));
  return { addons: addonEntries(platform.objects) };
}
