/** recipe.yaml: read (with line-aware errors) and serialise, per DESIGN.md's contract. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Recipe, RecipeEntry } from '../model';
import { ConfigError } from '../errors';
import { toYaml } from '../render/files';
import { fastParseRecipe } from './fast-parse';

export const RECIPE_API = 'eleventh.dev/v1';

export function recipePath(env: string): string {
  return `environments/${env}/recipe.yaml`;
}

const HEX40 = /^[0-9a-f]{40}$/;

function entryFrom(file: string, name: string, raw: unknown): RecipeEntry {
  const e = raw as Partial<RecipeEntry> | null;
  if (!e || typeof e !== 'object') throw new ConfigError({ file }, `service '${name}' is not a map`, 'namespace, commit, image, digest, inputs');
  for (const key of ['namespace', 'commit', 'image', 'digest', 'inputs'] as const) {
    if (typeof e[key] !== 'string') throw new ConfigError({ file }, `service '${name}' has no '${key}'`, 'namespace, commit, image, digest, inputs');
  }
  if (!HEX40.test(e.commit!)) throw new ConfigError({ file }, `service '${name}' commit '${e.commit}' is not a full SHA`, '40 hex characters');
  return { namespace: e.namespace!, commit: e.commit!, image: e.image!, digest: e.digest!, inputs: e.inputs!, ...(e.manifest ? { manifest: e.manifest } : {}) };
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
  const pf = doc.promotedFrom as Recipe['promotedFrom'];
  return { environment: String(doc.environment), ...(pf ? { promotedFrom: pf } : {}), services };
}

export function readRecipe(root: string, env: string): Recipe | undefined {
  const file = recipePath(env);
  const abs = join(root, file);
  if (!existsSync(abs)) return undefined;
  return parseRecipe(readFileSync(abs, 'utf8'), file);
}

/** The recipe file's bytes: fixed key order, services sorted by name. */
export function serializeRecipe(recipe: Recipe): string {
  const services: Record<string, RecipeEntry> = {};
  for (const name of Object.keys(recipe.services).sort()) {
    const e = recipe.services[name];
    services[name] = { namespace: e.namespace, commit: e.commit, image: e.image, digest: e.digest, inputs: e.inputs, ...(e.manifest ? { manifest: e.manifest } : {}) };
  }
  const pf = recipe.promotedFrom;
  return toYaml({
    apiVersion: RECIPE_API,
    kind: 'Recipe',
    environment: recipe.environment,
    ...(pf ? { promotedFrom: { environment: pf.environment, commit: pf.commit, ...(pf.tag ? { tag: pf.tag } : {}) } } : {}),
    services,
  });
}
