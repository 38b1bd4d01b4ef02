/** Read everything configuration is made of, once: platform/defaults.yaml and the environments tree. */
import { ConfigError } from '../errors';
import { parseYaml, readYamlFile, type YamlDoc } from '../yaml/read';
import { resolveChains, type Chains } from './chains';
import { layerOf, type Layer } from './layers';
import { scanEnvironments, type Scan } from './scan';
import type { ServiceLayers } from './service';
import { allNamespaces } from './tenant';

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
}

export function readInputs(root: string): ConfigInputs {
  const { platform, platformErrors } = readPlatform(root);
  const scan = scanEnvironments(root);
  const docs = new Map([...scan.environments].map(([name, env]) => [name, env.doc]));
  return {
    root,
    platform,
    platformErrors,
    scan,
    docs,
    chains: resolveChains(docs),
    namespaces: allNamespaces(scan.environments),
    layers: serviceLayers(platform, scan),
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

function serviceLayers(platform: YamlDoc, scan: Scan): ServiceLayers {
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
  return { platform: layerOf(platform, ['service']), environment, tenant, overrides };
}
