/** Read everything configuration is made of, once: platform/defaults.yaml and the environments tree. */
import { ConfigError } from '../errors';
import { parseYaml, readYamlFile, type YamlDoc } from '../yaml/read';
import { resolveChains, type Chains } from './chains';
import { layerOf, type Layer } from './layers';
import { scanEnvironments, type Scan } from './scan';
import type { ServiceLayers } from './service';
import { allNamespaces } from './tenant';
import { kitProfileDefaults, type ProfileDefaults } from './profiles';

export const PLATFORM_DEFAULTS = 'platform/defaults.yaml';

export interface ConfigInputs {
  readonly root: string;
  readonly platform: YamlDoc;
  /** Problems reading the platform defaults (missing or malformed). */
  readonly platformErrors: readonly ConfigError[];
  readonly scan: Scan;
  /** Environment → its environment.yaml. */
  readonly docs: ReadonlyMap<string, YamlDoc>;
  readonly chains: Chains;
  readonly namespaces: readonly string[];
  readonly layers: ServiceLayers;
  /** Each profile's service config defaults, from the kit at `root`. */
  readonly profileDefaults: ProfileDefaults;
}

/** `overridesOnly`: read only these overrides.yaml files (scan.ts scanEnvironments). */
export function readInputs(root: string, profileDefaults: ProfileDefaults = kitProfileDefaults(root), overridesOnly?: ReadonlySet<string>): ConfigInputs {
  const { platform, platformErrors } = readPlatform(root);
  const scan = scanEnvironments(root, overridesOnly);
  const docs = new Map([...scan.environments].map(([name, env]) => [name, env.doc]));
  return {
    root,
    platform,
    platformErrors,
    scan,
    docs,
    chains: resolveChains(docs),
    namespaces: allNamespaces(scan.environments),
    layers: serviceLayers(platform, scan, profileDefaults),
    profileDefaults,
  };
}

function readPlatform(root: string): { platform: YamlDoc; platformErrors: ConfigError[] } {
  try {
    return { platform: readYamlFile(root, PLATFORM_DEFAULTS), platformErrors: [] };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return { platform: parseYaml('', PLATFORM_DEFAULTS), platformErrors: [err] };
  }
}

function serviceLayers(platform: YamlDoc, scan: Scan, profileDefaults: ProfileDefaults): ServiceLayers {
  const profiles = new Map<string, Layer | undefined>();
  const profile = (name: string): Layer | undefined => {
    if (!profiles.has(name)) {
      const doc = profileDefaults(name);
      profiles.set(name, doc ? layerOf(doc) : undefined);
    }
    return profiles.get(name);
  };
  const environment = new Map<string, Layer>();
  const tenant = new Map<string, Layer>();
  const overrides = new Map<string, Layer>();
  for (const [env, scanned] of scan.environments) {
    environment.set(env, layerOf(scanned.doc, ['defaults']));
    for (const [ns, nsScan] of scanned.namespaces) {
      if (nsScan.tenant) tenant.set(`${env}/${ns}`, layerOf(nsScan.tenant, ['defaults']));
      for (const [svc, doc] of nsScan.services) overrides.set(`${env}/${ns}/${svc}`, layerOf(doc));
    }
  }
  return { platform: layerOf(platform, ['service']), profile, environment, tenant, overrides };
}
