/**
 * The recipe's view of an environment's add-ons, read off the rendered platform objects (so it holds for
 * any kit, old ones included): each HelmRelease's chart, exact version, repository URL and a digest of
 * its values. A chart bump or a values change therefore moves the recipe like a service move does.
 */
import { createHash } from 'node:crypto';
import type { KubeObject } from '@eleventh/platform';
import type { RecipeAddon } from '../model';

interface ReleaseJson {
  readonly metadata?: { readonly name?: string };
  readonly spec?: {
    readonly chart?: { readonly spec?: { readonly chart?: string; readonly version?: string; readonly sourceRef?: { readonly kind?: string; readonly name?: string } } };
    readonly values?: unknown;
  };
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortDeep((value as Record<string, unknown>)[k])]));
}

/** `sha256:<hex>` over `values` as JSON with keys sorted at every depth. */
export function valuesDigest(values: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(sortDeep(values ?? {}))).digest('hex')}`;
}

/** HelmRelease name → its recipe entry, sorted by name; repositories are looked up among `objects`. */
export function addonEntries(objects: readonly KubeObject[]): Record<string, RecipeAddon> {
  const urls = new Map<string, string>();
  for (const o of objects) {
    const spec = (o as unknown as { spec?: { url?: string } }).spec;
    if (o.kind === 'HelmRepository' && o.metadata?.name && typeof spec?.url === 'string') urls.set(o.metadata.name, spec.url);
  }
  const out: Record<string, RecipeAddon> = {};
  for (const o of objects.filter((x) => x.kind === 'HelmRelease')) {
    const json = o.toJSON() as ReleaseJson;
    const chart = json.spec?.chart?.spec;
    const name = json.metadata?.name;
    if (!name || !chart?.chart || !chart.version) continue;
    out[name] = { chart: chart.chart, version: chart.version, repository: urls.get(chart.sourceRef?.name ?? '') ?? '', values: valuesDigest(json.spec?.values) };
  }
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}
