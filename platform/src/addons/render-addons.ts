/**
 * One layer's add-ons as Flux objects: a HelmRepository per chart repository and a HelmRelease per enabled
 * add-on, all in flux-system. A profile's objects are named `<profile>-<name>` (the base's are bare), so any
 * set of profiles renders side by side. `dependsOn` resolves to this layer's add-on, else the base's.
 */
import { KitError, show } from '../errors';
import { renderHelmRelease } from '../kit/helm/helm-release';
import { renderHelmRepository } from '../kit/helm/helm-repository';
import { assertExactVersion } from '../kit/helm/chart-version';
import type { KubeObject } from '../kit/types';
import type { AddonDefinition, AddonSetting } from './addon';
import { platformLabels } from './labels';

export interface AddonLayerProps {
  /** `base` or the profile's name. */
  readonly layer: string;
  readonly environment: string;
  readonly definitions: readonly AddonDefinition[];
  /** Release name → the environment's setting (only this layer's names are read). */
  readonly settings: Readonly<Record<string, AddonSetting>>;
  /** Base add-ons rendered in this environment (what a profile's add-on may depend on). */
  readonly baseEnabled: ReadonlySet<string>;
}

/** The HelmRelease name of `addon` in `layer`. */
export function releaseNameOf(layer: string, addon: string): string {
  return layer === 'base' ? addon : `${layer}-${addon}`;
}

/** Names of the layer's add-ons that render (not turned off). */
export function enabledAddons(props: Pick<AddonLayerProps, 'layer' | 'definitions' | 'settings'>): Set<string> {
  return new Set(props.definitions.filter((d) => props.settings[releaseNameOf(props.layer, d.name)]?.enabled !== false).map((d) => d.name));
}

function resolveDependencies(props: AddonLayerProps, def: AddonDefinition, own: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const dep of def.dependsOn ?? []) {
    if (own.has(dep.name)) out.push(releaseNameOf(props.layer, dep.name));
    else if (props.baseEnabled.has(dep.name)) out.push(dep.name);
    else if (!dep.optional) {
      throw new KitError(`add-on '${releaseNameOf(props.layer, def.name)}' needs '${dep.name}', which is turned off`, `'${dep.name}' enabled, or '${releaseNameOf(props.layer, def.name)}' turned off too`);
    }
  }
  return out;
}

function assertAcyclic(layer: string, edges: ReadonlyMap<string, readonly string[]>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new KitError(`add-ons of '${layer}' depend on each other in a cycle: ${[...path, name].join(' → ')}`, 'dependsOn without cycles');
    state.set(name, 'visiting');
    for (const next of edges.get(name) ?? []) visit(next, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of [...edges.keys()].sort()) visit(name, []);
}

/** Build the layer's repositories (sorted by name) then its releases (in definition order). */
export function renderAddonLayer(props: AddonLayerProps): KubeObject[] {
  const own = enabledAddons(props);
  const labels = platformLabels(props.layer, props.environment);
  const ctx = { environment: props.environment, enabled: (name: string) => own.has(name) || props.baseEnabled.has(name) };
  const enabled = props.definitions.filter((d) => own.has(d.name));
  const edges = new Map(enabled.map((d) => [d.name, (d.dependsOn ?? []).map((x) => x.name).filter((n) => own.has(n))] as const));
  assertAcyclic(props.layer, edges);
  const repositories = new Map<string, string>();
  for (const def of enabled) {
    const seen = repositories.get(def.repository.name);
    if (seen !== undefined && seen !== def.repository.url) {
      throw new KitError(`chart repository '${def.repository.name}' has two URLs in '${props.layer}': ${show(seen)} and ${show(def.repository.url)}`, 'one URL per repository name');
    }
    repositories.set(def.repository.name, def.repository.url);
  }
  const sources = [...repositories.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, url]) => renderHelmRepository({ name: releaseNameOf(props.layer, name), url, labels }));
  const releases = enabled.map((def) => {
    const name = releaseNameOf(props.layer, def.name);
    const version = props.settings[name]?.version ?? def.version;
    assertExactVersion(`'${name}'`, version);
    return renderHelmRelease({
      name,
      releaseName: def.releaseName ?? def.chart,
      targetNamespace: def.namespace,
      chart: def.chart,
      version,
      repository: releaseNameOf(props.layer, def.repository.name),
      dependsOn: resolveDependencies(props, def, own),
      values: def.values(ctx) as Record<string, unknown>,
      labels,
    });
  });
  return [...sources, ...releases];
}
