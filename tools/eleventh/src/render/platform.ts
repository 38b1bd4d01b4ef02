/**
 * The platform layer of one environment from the kit, with bad input found before the kit runs and reported
 * where it was written: an unknown profile at its entry in `profiles:`, an unknown add-on at its key under
 * `platform.addons` (both `path:line`). A kit from before per-layer rendering (a promotion of an old tag)
 * renders one flat folder as it did then.
 */
import type { KubeObject, PlatformLayer } from '@eleventh/platform';
import type { Kit } from '../load/kit';
import type { ResolvedEnvironment } from '../model';
import { ConfigError, ConfigErrors } from '../errors';
import { didYouMean } from '../config/suggest';
import { kitConfigError, type KitSource } from './kit-call';
import { kitHasSecrets } from './secrets';

export type PlatformLayers = { readonly flat: KubeObject[]; readonly layers?: undefined } | { readonly flat?: undefined; readonly layers: PlatformLayer[] };

type LocalProfiles = Parameters<Kit['listProfiles']>[0];

function preflight(kit: Kit, env: ResolvedEnvironment, local: LocalProfiles): void {
  const errors: ConfigError[] = [];
  const known = kit.listProfiles(local);
  const selected = env.profiles.filter((p) => known.includes(p));
  env.profiles.forEach((p, i) => {
    if (known.includes(p)) return;
    const at = env.profileOrigins?.[i] ?? { file: `environments/${env.name}/environment.yaml` };
    errors.push(new ConfigError(at, `unknown profile '${p}'${didYouMean(p, known)}`, `one of: ${known.join(', ')}`));
  });
  const store = env.secretStore;
  if (store && !kitHasSecrets(kit)) {
    const at = store.origins.provider ?? Object.values(store.origins)[0] ?? { file: `environments/${env.name}/environment.yaml` };
    errors.push(new ConfigError(at, `'secretStore' in ${env.name}, whose release's kit renders no secret stores`, 'a promotion that brings a kit with secret stores (or no secretStore here yet)'));
  }
  if (typeof kit.listAddons === 'function') {
    const addons = kit.listAddons(selected, local, store?.config as never);
    for (const [name, setting] of Object.entries(env.addons ?? {})) {
      if (!addons.includes(name)) errors.push(new ConfigError(setting, `unknown add-on '${name}' in 'platform.addons'${didYouMean(name, addons)}`, `one of: ${addons.join(', ')}`));
    }
  }
  if (errors.length > 0) throw new ConfigErrors(errors);
}

export function platformLayers(kit: Kit, env: ResolvedEnvironment, localProfiles: readonly unknown[], source?: KitSource, namespaces: readonly string[] = []): PlatformLayers {
  const local = localProfiles as LocalProfiles;
  preflight(kit, env, local);
  const addons = Object.fromEntries(Object.entries(env.addons ?? {}).map(([name, s]) => [name, { ...(s.enabled !== undefined ? { enabled: s.enabled } : {}), ...(s.version ? { version: s.version } : {}) }]));
  const secrets = env.secretStore ? { secretStore: env.secretStore.config as never, namespaces } : {};
  const ctx = { environment: env.name, profiles: env.profiles, addons, localProfiles: local, ...secrets };
  try {
    if (typeof kit.renderPlatformLayers === 'function') return { layers: kit.renderPlatformLayers(ctx) };
    return { flat: kit.renderPlatform(ctx) };
  } catch (err) {
    if (err instanceof kit.KitError) {
      const key = /'secretStore\.([a-zA-Z.]+)'/.exec(err.message)?.[1];
      const at = key === undefined ? undefined : env.secretStore?.origins[key];
      if (at) throw new ConfigError(at, err.message);
      throw kitConfigError(env, err, `one of: ${kit.listProfiles(local).join(', ')}`, source);
    }
    throw err;
  }
}
