/**
 * What a profile is: what a business unit layers on the base cluster — its own objects, add-ons, Kyverno
 * policies (applied once Kyverno's CRDs exist) and service config defaults.
 */
import type { KubeObject } from '../kit/types';
import type { AddonDefinition } from '../addons/addon';

export interface ProfileContext {
  /** Environment the profile is rendered for. */
  readonly environment: string;
}

/**
 * Service config a profile sets for every service of an environment that selects it: the keys of
 * `defaults:` in environment.yaml. Resolved after platform/defaults.yaml and before the environment chain,
 * in `profiles:` order (a later profile wins).
 */
export interface ServiceConfigDefaults {
  readonly replicas?: number;
  readonly resources?: { readonly cpu?: string; readonly memory?: string };
  readonly limits?: { readonly cpu?: string; readonly memory?: string };
  readonly autoscaling?: false | { readonly min?: number; readonly max?: number; readonly cpuPercent?: number };
  readonly env?: Readonly<Record<string, string>>;
  readonly values?: Readonly<Record<string, unknown>>;
}

export interface Profile {
  /** DNS-1123 label, used in `environment.yaml` `profiles: [...]`. */
  readonly name: string;
  /** One line for `--help` and the README. */
  readonly description: string;
  /** Build the profile's objects (namespaces, roles, policies, settings), named after the profile. */
  render(ctx: ProfileContext): KubeObject[];
  /** Add-ons the profile adds (HelmReleases named `<profile>-<name>`); they may depend on base add-ons. */
  readonly addons?: readonly AddonDefinition[];
  /**
   * Kyverno ClusterPolicies (`renderClusterPolicy`), named after the profile. They render into their own
   * folder `_platform/<name>-policies/`, applied after the platform layer (Kyverno's CRDs) is ready; a
   * profile with policies needs the `kyverno` add-on.
   */
  policies?(ctx: ProfileContext): KubeObject[];
  /** Service config defaults for the environments that select this profile. */
  readonly defaults?: ServiceConfigDefaults;
}
