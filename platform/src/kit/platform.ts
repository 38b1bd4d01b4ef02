/**
 * `renderPlatform`: the cluster-wide layer of one environment — base add-ons, then each selected
 * profile in the order the environment lists them.
 */
import { KitError, show } from '../errors';
import type { KubeObject, PlatformContext } from './types';
import { renderBaseAddons } from '../addons';
import { getProfile } from '../profiles';
import { assertDnsLabel } from './names';

/** Build the platform layer; throws a KitError for an unknown or repeated profile. */
export function renderPlatform(ctx: PlatformContext): KubeObject[] {
  assertDnsLabel('environment', ctx.environment);
  const seen = new Set<string>();
  const profiles = ctx.profiles.map((name) => {
    if (seen.has(name)) throw new KitError(`profile ${show(name)} is listed twice`, 'each profile at most once');
    seen.add(name);
    return getProfile(name);
  });
  return [
    ...renderBaseAddons({ environment: ctx.environment }),
    ...profiles.flatMap((p) => p.render({ environment: ctx.environment })),
  ];
}
