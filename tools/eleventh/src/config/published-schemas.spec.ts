/**
 * The published JSON Schemas (tools/eleventh/schemas, `@eleventh/cli/schemas/<name>.schema.json`) as editors
 * see them: ajv in strict mode compiles them, every hand-written file of this repository is valid and names
 * its schema in its first line, and a misspelt key or a wrong type is refused.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ajvFindings, readSchema, schemaFiles, strictAjv } from './ajv-testing';
import { MODELINE_PREFIX, schemaOfFile, schemaPathFrom } from './schema-files';
import { GENERATED_PREFIX } from './scan';

const REPO = join(__dirname, '../../../..');

/** Every hand-written configuration file of this repository (repository-relative), sorted. */
function exampleFiles(): string[] {
  const out: string[] = ['platform/defaults.yaml', 'platform/images.yaml'];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(REPO, rel), { withFileTypes: true })) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory() && !entry.name.startsWith('_')) walk(child);
      else if (entry.isFile() && schemaOfFile(child) && !readFileSync(join(REPO, child), 'utf8').startsWith(GENERATED_PREFIX)) out.push(child);
    }
  };
  walk('environments');
  return out.sort();
}

/** Every `properties` entry of a schema document, as `path` → its schema. */
function propertiesOf(node: unknown, path: string, out: Array<[string, Record<string, unknown>]>): void {
  if (typeof node !== 'object' || node === null) return;
  for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'properties' || key === 'definitions') {
      for (const [name, schema] of Object.entries(child as Record<string, Record<string, unknown>>)) {
        if (key === 'properties') out.push([`${path}.${name}`, schema]);
        propertiesOf(schema, `${path}.${name}`, out);
      }
    } else {
      propertiesOf(child, path, out);
    }
  }
}

describe('published schemas', () => {
  const ajv = strictAjv();

  it.each(schemaFiles())('%s compiles in ajv strict mode and documents itself', (file) => {
    const doc = readSchema(file);
    expect(doc.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(doc.$id).toBe(file);
    expect(typeof doc.title).toBe('string');
    expect(typeof doc.description).toBe('string');
    expect(ajv.getSchema(file)).toBeTypeOf('function');
    const properties: Array<[string, Record<string, unknown>]> = [];
    propertiesOf(doc, '', properties);
    for (const [path, schema] of properties) expect(schema.description, `${file} ${path}`).toEqual(expect.any(String));
  });

  it('are the seven this package publishes', () => {
    expect(schemaFiles()).toEqual(['environment.schema.json', 'images.schema.json', 'overrides.schema.json', 'platform-defaults.schema.json', 'platform-settings.schema.json', 'service-config.schema.json', 'tenant.schema.json']);
    const pkg = JSON.parse(readFileSync(join(REPO, 'tools/eleventh/package.json'), 'utf8')) as { files?: string[] };
    expect(pkg.files).toContain('schemas');
  });

  const examples = exampleFiles();

  it('find every example file of this repository', () => {
    expect(examples.filter((f) => f.endsWith('/environment.yaml'))).toHaveLength(4);
    expect(examples.filter((f) => f.endsWith('/tenant.yaml'))).toHaveLength(12);
    expect(examples.filter((f) => f.endsWith('/overrides.yaml')).length).toBeGreaterThan(0);
  });

  it.each(examples)('%s is valid and its first line names its schema, which exists', (file) => {
    const text = readFileSync(join(REPO, file), 'utf8');
    const schema = schemaOfFile(file)!;
    expect(text.split('\n')[0]).toBe(`${MODELINE_PREFIX}${schemaPathFrom(file, schema)}`);
    expect(existsSync(resolve(REPO, dirname(file), schemaPathFrom(file, schema)))).toBe(true);
    expect(ajvFindings(ajv, schema, parse(text) ?? null)).toEqual([]);
  });

  it('refuse a misspelt key, at any depth', () => {
    expect(ajvFindings(ajv, 'overrides.schema.json', parse('replcias: 2\n'))).toEqual(["/: must NOT have additional properties 'replcias'"]);
    expect(ajvFindings(ajv, 'environment.schema.json', parse('extends: staging\ndefaults:\n  replcias: 2\n'))).toEqual(["/defaults: must NOT have additional properties 'replcias'"]);
    expect(ajvFindings(ajv, 'tenant.schema.json', parse('quota:\n  cpus: 2\n'))).toEqual(["/quota: must NOT have additional properties 'cpus'"]);
  });

  it('refuse a wrong type', () => {
    expect(ajvFindings(ajv, 'overrides.schema.json', parse('replicas: three\n'))).toEqual(['/replicas: must be integer']);
    expect(ajvFindings(ajv, 'environment.schema.json', parse('profiles: observability\n'))).toEqual(['/profiles: must be array']);
  });

  it('accept an environment.yaml that states only its differences (inheritance supplies the rest)', () => {
    expect(ajvFindings(ajv, 'environment.schema.json', parse('extends: staging\ncluster:\n  name: qa\n'))).toEqual([]);
    expect(ajvFindings(ajv, 'tenant.schema.json', null)).toEqual([]);
  });
});
