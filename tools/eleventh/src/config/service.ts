/**
 * Service config resolution, later wins: platform defaults.yaml `service`; then each selected profile's
 * `defaults`, in `profiles:` order; then for each environment
 * along the chain, root first: its environment.yaml `defaults`, its tenant.yaml `defaults`, its
 * overrides.yaml for the service.
 */
import type { AutoscalingConfig, ResolvedServiceConfig, SecretReference } from '@eleventh/platform';
import { ConfigError } from '../errors';
import type { ResolvedServiceWithProvenance } from '../model';
import { fold, leafAt, leavesUnder, provenanceOf, valueAt, type Layer, type Leaf, type Leaves } from './layers';
import { isPlainObject } from './schema-validate';

/** Every service-config layer, flattened once at load. */
export interface ServiceLayers {
  readonly platform: Layer;
  /** Profile name → its `defaults` (undefined: none, or an unknown profile). */
  readonly profile: (name: string) => Layer | undefined;
  /** env → environment.yaml `defaults`. */
  readonly environment: ReadonlyMap<string, Layer>;
  /** `env/ns` → tenant.yaml `defaults`. */
  readonly tenant: ReadonlyMap<string, Layer>;
  /** `env/ns/svc` → overrides.yaml. */
  readonly overrides: ReadonlyMap<string, Layer>;
}

/** The layers for one service (or, without `svc`, for any service of `ns` without overrides). */
export function layersFor(all: ServiceLayers, chain: readonly string[], ns: string, svc?: string, profiles: readonly string[] = []): Layer[] {
  const layers = [all.platform];
  for (const name of profiles) {
    const layer = all.profile(name);
    if (layer) layers.push(layer);
  }
  for (const env of chain) {
    const candidates = [all.environment.get(env), all.tenant.get(`${env}/${ns}`), svc === undefined ? undefined : all.overrides.get(`${env}/${ns}/${svc}`)];
    for (const layer of candidates) if (layer) layers.push(layer);
  }
  return layers;
}

/** Does any environment along the chain override this service? */
export function hasOverrides(all: ServiceLayers, chain: readonly string[], ns: string, svc: string): boolean {
  return chain.some((env) => all.overrides.has(`${env}/${ns}/${svc}`));
}

export function resolveService(layers: readonly Layer[]): { resolved: ResolvedServiceWithProvenance; leaves: Leaves } {
  const leaves = fold(layers);
  return { leaves, resolved: { config: toServiceConfig(leaves), provenance: provenanceOf(leaves) } };
}

function toServiceConfig(leaves: Leaves): ResolvedServiceConfig {
  const amounts = (key: string): { cpu: string; memory: string } => ({
    cpu: String(leafAt(leaves, [key, 'cpu'])?.value ?? ''),
    memory: String(leafAt(leaves, [key, 'memory'])?.value ?? ''),
  });
  const env = valueAt(leaves, ['env']);
  const values = valueAt(leaves, ['values']);
  const secrets = secretsOf(leaves);
  return {
    replicas: Number(leafAt(leaves, ['replicas'])?.value ?? 0),
    resources: amounts('resources'),
    limits: amounts('limits'),
    autoscaling: autoscalingOf(leaves),
    env: isPlainObject(env) ? sortedStrings(env) : {},
    values: isPlainObject(values) ? values : {},
    ...(secrets ? { secrets } : {}),
  };
}

/** Fields that exclude each other along the chain: the newer group drops the older (the kit's merge does the same). */
const EXCLUSIVE: ReadonlyArray<readonly [readonly string[], readonly string[]]> = [
  [['sealed'], ['path', 'key', 'version']],
  [['env'], ['mount']],
];

function newest(fields: ReadonlyMap<string, Leaf>, group: readonly string[]): number {
  return Math.max(-1, ...group.map((k) => fields.get(k)?.rank ?? -1));
}

/**
 * `secrets:` as the kit takes it: entries sorted by name, each field a string (`version: 3` → '3'). An
 * environment that switches an entry to `sealed` (or to `mount`) drops the `path`/`key`/`version` (or the
 * `env`) it inherited, so a Sealed Secrets environment can extend a Vault one.
 */
function secretsOf(leaves: Leaves): Record<string, SecretReference> | undefined {
  const entries = new Map<string, Map<string, Leaf>>();
  for (const leaf of leavesUnder(leaves, ['secrets'])) {
    const [, name, field] = leaf.path;
    if (name === undefined || field === undefined || leaf.path.length !== 3) continue;
    if (!entries.has(name)) entries.set(name, new Map());
    entries.get(name)!.set(field, leaf);
  }
  if (entries.size === 0) return undefined;
  const out: Record<string, SecretReference> = {};
  for (const name of [...entries.keys()].sort()) {
    const fields = entries.get(name)!;
    for (const [a, b] of EXCLUSIVE) {
      const [na, nb] = [newest(fields, a), newest(fields, b)];
      if (na < 0 || nb < 0 || na === nb) continue;
      for (const k of na > nb ? b : a) fields.delete(k);
    }
    out[name] = Object.fromEntries([...fields.keys()].sort().map((k) => [k, typeof fields.get(k)!.value === 'number' ? String(fields.get(k)!.value) : fields.get(k)!.value])) as SecretReference;
  }
  return out;
}

function autoscalingOf(leaves: Leaves): AutoscalingConfig | false {
  const own = leafAt(leaves, ['autoscaling']);
  if (own) return false;
  const get = (k: string): number => Number(leafAt(leaves, ['autoscaling', k])?.value);
  const any = ['min', 'max', 'cpuPercent'].some((k) => leafAt(leaves, ['autoscaling', k]));
  return any ? { min: get('min'), max: get('max'), cpuPercent: get('cpuPercent') } : false;
}

function sortedStrings(env: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.keys(env).sort().map((k) => [k, String(env[k])]));
}

const at = (leaf: Leaf): { file: string; line?: number } => ({ file: leaf.file, line: leaf.line });
const where = (leaf: Leaf): string => (leaf.line ? `${leaf.file}:${leaf.line}` : leaf.file);

/** Checks that need the merged result: autoscaling complete and `min ≤ max`. */
export function checkServiceLeaves(leaves: Leaves): ConfigError[] {
  if (leafAt(leaves, ['autoscaling'])) return [];
  const parts = ['min', 'max', 'cpuPercent'].map((k) => [k, leafAt(leaves, ['autoscaling', k])] as const);
  const present = parts.filter(([, l]) => l !== undefined).map(([, l]) => l as Leaf);
  if (present.length === 0) return [];
  const newest = present.reduce((a, b) => (b.rank > a.rank ? b : a));
  const absent = parts.filter(([, l]) => l === undefined).map(([k]) => k);
  if (absent.length > 0) {
    const list = absent.map((k) => `'${k}'`).join(', ');
    return [new ConfigError(at(newest), `'autoscaling' lacks ${list} after inheritance`, 'min, max and cpuPercent once autoscaling replaces false')];
  }
  const min = leafAt(leaves, ['autoscaling', 'min'])!;
  const max = leafAt(leaves, ['autoscaling', 'max'])!;
  if (typeof min.value !== 'number' || typeof max.value !== 'number' || min.value <= max.value) return [];
  const [later, other] = max.rank > min.rank ? [max, min] : [min, max];
  const elsewhere = later.file === other.file ? '' : `; '${other.path.join('.')}' set at ${where(other)}`;
  return [new ConfigError(at(later), `'autoscaling.min' (${min.value}) must be ≤ 'autoscaling.max' (${max.value})`, `min ≤ max${elsewhere}`)];
}
