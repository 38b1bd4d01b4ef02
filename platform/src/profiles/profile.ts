/**
 * What a profile is: a named set of cluster add-ons a business unit layers on the base.
 */
import type { KubeObject } from '../kit/types';
import type { AddonDefinition } from '../addons/addon';

export interface ProfileContext {
  /** Environment the profile is rendered for. */
  readonly environment: string;
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
}
