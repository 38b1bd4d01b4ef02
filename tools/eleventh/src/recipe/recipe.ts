/** recipe.yaml: read (with line-aware errors) and serialise, per DESIGN.md's contract. */
import { parse } from 'yaml';
import type { PromotedFrom, Recipe, RecipeAddon, RecipeEntry } from '../model';
import { ConfigError } from '../errors';
import { MAX_RECIPE_BYTES, readHandWrittenIfPresent } from '../hand-written/read';
import { toYaml } from '../render/files';
import { fastParseRecipe } from './fast-parse';

export const RECIPE_API = 'eleventh.dev/v1';

export function recipePath(env: string): string {
  return `environments/${env}/recipe.yaml`;
}

const HEX40 = /^[0-9a-f]{40}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** The registry digests an entry may carry, in the order they are written (after `inputs`). */
const IMAGE_KEYS = ['imageDigest', 'sbomDigest'] as const;

function imageDigestsOf(file: string, name: string, e: Partial<RecipeEntry>): Pick<RecipeEntry, 'imageDigest' | 'sbomDigest'> {
  const out: { imageDigest?: string; sbomDigest?: string } = {};
  for (const key of IMAGE_KEYS) {
    const v = e[key] as unknown;
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string' || !DIGEST.test(v)) throw new ConfigError({ file }, `service '${name}' ${key} '${String(v)}' is not a digest`, 'sha256:<64 lower-case hex>');
    out[key] = v;
  }
  if (out.sbomDigest && !out.imageDigest) throw new ConfigError({ file }, `service '${name}' has a sbomDigest but no imageDigest`, 'an SBOM only beside a recorded image digest');
  return out;
}

/** An entry in the contract's key order: namespace, commit, image, digest, inputs, imageDigest, sbomDigest, manifest. */
export function orderedEntry(e: RecipeEntry): RecipeEntry {
  return {
    namespace: e.namespace,
    commit: e.commit,
    image: e.image,
    digest: e.digest,
    inputs: e.inputs,
    ...(e.imageDigest ? { imageDigest: e.imageDigest } : {}),
    ...(e.imageDigest && e.sbomDigest ? { sbomDigest: e.sbomDigest } : {}),
    ...(e.manifest ? { manifest: e.manifest } : {}),
  };
}

function entryFrom(file: string, name: string, raw: unknown): RecipeEntry {
  const e = raw as Partial<RecipeEntry> | null;
  if (!e || typeof e !== 'object') throw new ConfigError({ file }, `service '${name}' is not a map`, 'namespace, commit, image, digest, inputs');
  for (const key of ['namespace', 'commit', 'image', 'digest', 'inputs'] as const) {
    if (typeof e[key] !== 'string') throw new ConfigError({ file }, `service '${name}' has no '${key}'`, 'namespace, commit, image, digest, inputs');
  }
  if (!HEX40.test(e.commit!)) throw new ConfigError({ file }, `service '${name}' commit '${e.commit}' is not a full SHA`, '40 hex characters');
  return orderedEntry({ namespace: e.namespace!, commit: e.commit!, image: e.image!, digest: e.digest!, inputs: e.inputs!, ...imageDigestsOf(file, name, e), ...(e.manifest ? { manifest: e.manifest } : {}) });
}

const ADDON_KEYS = ['chart', 'version', 'repository', 'values'] as const;

function addonFrom(file: string, name: string, raw: unknown): RecipeAddon {
  const expected = 'chart, version, repository, values';
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError({ file }, `add-on '${name}' is not a map`, expected);
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!(ADDON_KEYS as readonly string[]).includes(key)) throw new ConfigError({ file }, `unknown key 'addons.${name}.${key}'`, expected);
  for (const key of ADDON_KEYS) if (typeof r[key] !== 'string') throw new ConfigError({ file }, `add-on '${name}' has no '${key}'`, expected);
  return { chart: r.chart as string, version: r.version as string, repository: r.repository as string, values: r.values as string };
}

function addonsOf(file: string, raw: unknown): Record<string, RecipeAddon> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError({ file }, 'addons is not a map', 'addons: {<release>: {chart, version, repository, values}}');
  const r = raw as Record<string, unknown>;
  return Object.fromEntries(Object.keys(r).sort().map((name) => [name, addonFrom(file, name, r[name])]));
}

const PF_KEYS = ['environment', 'commit', 'sources', 'tag', 'tagger', 'signer', 'mirrorOf'] as const;

function promotedFromOf(file: string, raw: unknown): PromotedFrom {
  const expected = 'promotedFrom: {environment, commit, sources, tag, tagger, signer, mirrorOf}';
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError({ file }, 'promotedFrom is not a map', expected);
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!(PF_KEYS as readonly string[]).includes(key)) throw new ConfigError({ file }, `unknown key 'promotedFrom.${key}'`, expected);
  for (const key of PF_KEYS) if (r[key] !== undefined && typeof r[key] !== 'string') throw new ConfigError({ file }, `promotedFrom.${key} is not a string`, expected);
  if (typeof r.environment !== 'string' || typeof r.commit !== 'string') throw new ConfigError({ file }, 'promotedFrom needs environment and commit', expected);
  for (const key of ['commit', 'sources'] as const) {
    if (r[key] !== undefined && !HEX40.test(r[key] as string)) throw new ConfigError({ file }, `promotedFrom.${key} '${String(r[key])}' is not a full SHA`, '40 hex characters');
  }
  const out: Record<string, string> = {};
  for (const key of PF_KEYS) if (typeof r[key] === 'string') out[key] = r[key] as string;
  return out as unknown as PromotedFrom;
}

/** The promotedFrom map in the contract's key order. */
export function orderedPromotedFrom(pf: PromotedFrom): PromotedFrom {
  const out: Record<string, string> = {};
  for (const key of PF_KEYS) if (pf[key] !== undefined) out[key] = pf[key]!;
  return out as unknown as PromotedFrom;
}

/** Parse recipe text (from disk or from `git show`). */
export function parseRecipe(text: string, file: string): Recipe {
  let doc: Record<string, unknown>;
  try {
    doc = fastParseRecipe(text) ?? ((parse(text) ?? {}) as Record<string, unknown>);
  } catch (err) {
    throw new ConfigError({ file }, `malformed YAML: ${(err as Error).message.split('\n')[0]}`, 'a recipe', { cause: err });
  }
  if (doc.kind !== 'Recipe' || doc.apiVersion !== RECIPE_API) throw new ConfigError({ file }, 'not a recipe', `apiVersion ${RECIPE_API}, kind Recipe`);
  const services: Record<string, RecipeEntry> = {};
  const raw = (doc.services ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(raw).sort()) services[name] = entryFrom(file, name, raw[name]);
  const pf = doc.promotedFrom === undefined || doc.promotedFrom === null ? undefined : promotedFromOf(file, doc.promotedFrom);
  const addons = addonsOf(file, doc.addons);
  return { environment: String(doc.environment), ...(pf ? { promotedFrom: pf } : {}), services, ...(addons && Object.keys(addons).length > 0 ? { addons } : {}) };
}

export function readRecipe(root: string, env: string): Recipe | undefined {
  const file = recipePath(env);
  const text = readHandWrittenIfPresent(root, file, { maxBytes: MAX_RECIPE_BYTES });
  return text === undefined ? undefined : parseRecipe(text, file);
}

/** The recipe file's bytes: fixed key order, services sorted by name. */
export function serializeRecipe(recipe: Recipe): string {
  const services: Record<string, RecipeEntry> = {};
  for (const name of Object.keys(recipe.services).sort()) services[name] = orderedEntry(recipe.services[name]);
  const pf = recipe.promotedFrom;
  const addons: Record<string, RecipeAddon> = {};
  for (const name of Object.keys(recipe.addons ?? {}).sort()) {
    const a = recipe.addons![name];
    addons[name] = { chart: a.chart, version: a.version, repository: a.repository, values: a.values };
  }
  return toYaml({
    apiVersion: RECIPE_API,
    kind: 'Recipe',
    environment: recipe.environment,
    ...(pf ? { promotedFrom: orderedPromotedFrom(pf) } : {}),
    services,
    ...(Object.keys(addons).length > 0 ? { addons } : {}),
  });
}
