/**
 * The base add-ons every cluster gets, before any profile.
 */
import type { KubeObject } from '../kit/types';
import { systemNamespace } from './system-namespace';
import { servicePriorityClass } from './priority-class';
import { tenantRole } from './tenant-role';

export interface BaseAddonsProps {
  /** Environment the add-ons are rendered for. */
  readonly environment: string;
}

/** Build the base add-ons, in a fixed order. */
export function renderBaseAddons(props: BaseAddonsProps): KubeObject[] {
  return [systemNamespace(props), servicePriorityClass(props), tenantRole(props)];
}

export { SYSTEM_NAMESPACE } from './system-namespace';
export { LAYER_LABEL } from './labels';
