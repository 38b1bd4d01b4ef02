/**
 * Labels on every cluster-wide platform object (base add-ons and profiles).
 */
import { LABEL, MANAGED_BY } from '../kit/labels';

/** Label saying which layer an object belongs to: `base` or the profile's name. */
export const LAYER_LABEL = 'eleventh.dev/layer';

/** Standard labels for a platform object of `layer` in `environment`. */
export function platformLabels(layer: string, environment: string): Record<string, string> {
  return { [LABEL.managedBy]: MANAGED_BY, [LABEL.partOf]: 'eleventh-platform', [LABEL.environment]: environment, [LAYER_LABEL]: layer };
}
