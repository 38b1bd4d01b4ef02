import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PATTERN_WORDS, validateSchema } from './schema-validate';
import { levenshtein, nearest } from './suggest';

const dir = join(__dirname, '../../schemas');
/** Maps keyed by the user's names (variables, values, add-ons): their keys are checked by `propertyNames`, not a list. */
const FREE_FORM = ['env', 'values', 'addons'];

/** Every object schema (with its key) in a schema document. */
function objectSchemas(node: unknown, key: string, out: Array<[string, Record<string, unknown>]>): void {
  if (Array.isArray(node)) return node.forEach((n) => objectSchemas(n, key, out));
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes('object')) out.push([key, schema]);
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'properties' || k === 'definitions') for (const [name, child] of Object.entries(v as object)) objectSchemas(child, name, out);
    else objectSchemas(v, key, out);
  }
}

describe('schemas', () => {
  it('are draft-07 and reject unknown keys everywhere except env and values (secrets: named entries, each closed)', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json'));
    expect(files.sort()).toEqual(['environment.schema.json', 'images.schema.json', 'overrides.schema.json', 'platform-defaults.schema.json', 'platform-settings.schema.json', 'service-config.schema.json', 'tenant.schema.json']);
    for (const file of files) {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect(doc.$schema).toBe('http://json-schema.org/draft-07/schema#');
      const objects: Array<[string, Record<string, unknown>]> = [];
      objectSchemas(doc, '', objects);
      for (const [key, schema] of objects) {
        if (key === 'secrets') expect([schema.additionalProperties, schema.propertyNames !== undefined], `${file} ${key}`).toEqual([{ $ref: '#/definitions/secret' }, true]);
        else if (FREE_FORM.includes(key)) expect(schema.additionalProperties, `${file} ${key}`).not.toBe(false);
        else expect(schema.additionalProperties, `${file} ${key}`).toBe(false);
      }
    }
  });

  it('the platform defaults of this repository are valid', () => {
    const { parse } = require('yaml') as typeof import('yaml');
    const text = readFileSync(join(__dirname, '../../../../platform/defaults.yaml'), 'utf8');
    expect(validateSchema('platform-defaults.schema.json', parse(text))).toEqual([]);
  });

  it('the base images of this repository are valid', () => {
    const { parse } = require('yaml') as typeof import('yaml');
    const text = readFileSync(join(__dirname, '../../../../platform/images.yaml'), 'utf8');
    expect(validateSchema('images.schema.json', parse(text))).toEqual([]);
  });

  it('reports a misspelt class and a reference that is not one', () => {
    expect(validateSchema('images.schema.json', { bases: { nod: 'docker.io/library/node:22', go: 'Not A Ref' }, allowFloating: ['rust'] })).toEqual([
      { path: ['bases', 'nod'], problem: "unknown key 'nod' in 'bases' (did you mean 'node'?)" },
      { path: ['bases', 'go'], problem: "'bases.go' must be an image reference: it has no registry host", expected: "host/path:tag@sha256:<64 hex>, e.g. docker.io/library/node:22-slim@sha256:…, got 'Not A Ref'" },
      { path: ['allowFloating', 0], problem: "'allowFloating[0]' must be of type \"node\" or \"java\" or \"python\" or \"go\" or \"web\"", expected: "\"node\" or \"java\" or \"python\" or \"go\" or \"web\", got 'rust'" },
    ]);
  });

  it('reports a missing required key', () => {
    expect(validateSchema('environment.schema.json', { cluster: { git: { verify: { mode: 'Tag' } } } })).toEqual([
      { path: ['cluster', 'git', 'verify'], problem: "missing key 'secretRef' in 'cluster.git.verify'", expected: 'secretRef' },
    ]);
  });
});

describe('ajv errors as the engine reports them', () => {
  it('a choice (anyOf) is reported inside the branch the value picks, through $ref', () => {
    const env = { platform: { addons: { 'cert-manager': { version: '^1.2', enabld: true } } } };
    expect(validateSchema('environment.schema.json', env)).toEqual([
      { path: ['platform', 'addons', 'cert-manager', 'enabld'], problem: "unknown key 'enabld' in 'platform.addons.cert-manager' (did you mean 'enabled'?)" },
      { path: ['platform', 'addons', 'cert-manager', 'version'], problem: "'platform.addons.cert-manager.version' must be an exact chart version such as 1.21.1 or v1.21.1 (no ranges: ^, ~, >=, x, *)", expected: "MAJOR.MINOR.PATCH, e.g. 1.21.1 or v1.21.1, got '^1.2'" },
    ]);
  });

  it('a value no branch fits names every branch once', () => {
    expect(validateSchema('environment.schema.json', { platform: { addons: { traefik: 3 } } })).toEqual([
      { path: ['platform', 'addons', 'traefik'], problem: "'platform.addons.traefik' must be false, true or a map {enabled, version}", expected: 'boolean or map, got 3' },
    ]);
  });

  it('a key whose name is refused is reported for its name only', () => {
    expect(validateSchema('environment.schema.json', { platform: { addons: { Bad_Name: 3 } } })).toEqual([
      { path: ['platform', 'addons', 'Bad_Name'], problem: "invalid add-on name 'Bad_Name' in 'platform.addons'", expected: undefined },
    ]);
  });

  it('every pattern of the schemas is said in words: a bad value of the right type is never "expected string"', () => {
    const patterns = new Set<string>();
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) (k === 'pattern' && typeof v === 'string' ? patterns.add(v) : walk(v));
    };
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) walk(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect([...patterns].filter((p) => !(p in PATTERN_WORDS))).toEqual([]);
    expect(validateSchema('environment.schema.json', { extends: 'Staging_x' })[0].expected).toBe("lower-case letters, digits and '-', starting and ending with a letter or digit, got 'Staging_x'");
    expect(validateSchema('overrides.schema.json', { replicas: -1 })[0].expected).toBe('integer ≥ 0, got -1');
  });

  it('a value that breaks two keywords is reported once', () => {
    expect(validateSchema('environment.schema.json', { registry: '' })).toHaveLength(1);
  });
});

describe('suggestions', () => {
  it('measure edit distance', () => {
    expect(levenshtein('replcias', 'replicas')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
  });

  it('suggest only near matches', () => {
    expect(nearest('replcias', ['replicas', 'resources'])).toBe('replicas');
    expect(nearest('zzz', ['replicas', 'resources'])).toBeUndefined();
  });
});
