/**
 * What an add-on is: one Helm chart at one exact version from one repository, installed into its own
 * namespace, with values typed by the add-on (the fields we shape; the chart's own defaults do the rest).
 */

/** What an add-on's values may depend on. */
export interface AddonContext {
  /** Environment the add-on is rendered for. */
  readonly environment: string;
  /** True when the add-on `name` (base, or this layer's) is rendered in this environment too. */
  enabled(name: string): boolean;
}

export interface ChartRepository {
  /** Short name (a DNS label); the HelmRepository object is named after it (scoped by layer). */
  readonly name: string;
  /** `https://…` index or `oci://…` registry: the chart's official source. */
  readonly url: string;
}

/** Another add-on that must be ready first (its CRDs are used by this one). */
export interface AddonDependency {
  readonly name: string;
  /** Dropped when that add-on is turned off (this one then does not use its CRDs). @default false */
  readonly optional?: boolean;
}

export interface AddonDefinition<V extends object = object> {
  /** DNS label; the HelmRelease name (a profile's are prefixed `<profile>-`). */
  readonly name: string;
  /** One line for the README. */
  readonly description: string;
  readonly chart: string;
  /** Exact chart version. */
  readonly version: string;
  readonly repository: ChartRepository;
  /** Namespace the chart installs into. */
  readonly namespace: string;
  /** Helm release name. @default chart */
  readonly releaseName?: string;
  readonly dependsOn?: readonly AddonDependency[];
  /** The chart values, typed per add-on. */
  values(ctx: AddonContext): V;
}

/** An environment's say over one add-on (`platform.addons.<name>` in config). */
export interface AddonSetting {
  /** @default true */
  readonly enabled?: boolean;
  /** Exact chart version instead of the add-on's own. */
  readonly version?: string;
}

/** Identity helper: keeps `V` for the values function while the registry holds `AddonDefinition`. */
export function defineAddon<V extends object>(definition: AddonDefinition<V>): AddonDefinition {
  return definition as AddonDefinition;
}
