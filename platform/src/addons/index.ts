/**
 * The base layer every cluster gets, before any profile: the platform's own namespace, priority class and
 * tenant role, then the base add-ons as pinned HelmReleases.
 */
import type { KubeObject } from '../kit/types';
import type { AddonSetting } from './addon';
import { BASE_ADDONS } from './catalog';
import { enabledAddons, renderAddonLayer } from './render-addons';
import { systemNamespace } from './system-namespace';
import { servicePriorityClass } from './priority-class';
import { tenantRole } from './tenant-role';

export interface BaseAddonsProps {
  /** Environment the add-ons are rendered for. */
  readonly environment: string;
  /** Release name → the environment's setting (`platform.addons`). @default {} (every add-on, own versions) */
  readonly addons?: Readonly<Record<string, AddonSetting>>;
}

/** Base add-ons rendered with these settings. */
export function enabledBaseAddons(addons: Readonly<Record<string, AddonSetting>> = {}): Set<string> {
  return enabledAddons({ layer: 'base', definitions: BASE_ADDONS, settings: addons });
}

/** Build the base layer, in a fixed order. */
export function renderBaseAddons(props: BaseAddonsProps): KubeObject[] {
  const settings = props.addons ?? {};
  return [
    systemNamespace(props),
    servicePriorityClass(props),
    tenantRole(props),
    ...renderAddonLayer({ layer: 'base', environment: props.environment, definitions: BASE_ADDONS, settings, baseEnabled: enabledBaseAddons(settings) }),
  ];
}

export { SYSTEM_NAMESPACE } from './system-namespace';
export { LAYER_LABEL } from './labels';
export { BASE_ADDONS } from './catalog';
export { releaseNameOf, renderAddonLayer, type AddonLayerProps } from './render-addons';
export { defineAddon, type AddonDefinition, type AddonSetting, type AddonContext, type AddonDependency, type ChartRepository } from './addon';
