import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { schemaOfFile } from './schema-files';

const REPO = join(__dirname, '..', '..', '..', '..');
let cache: string;
const saved = (): string[] => readdirSync(cache).filter((f) => f.startsWith('schemas-'));

/** A fresh copy of the module (its checks are loaded once per process). */
async function fresh(): Promise<typeof import('./schema-quick')> {
  vi.resetModules();
  return import('./schema-quick');
}

/** The bundled example's hand-written files, each with its schema. */
function exampleFiles(): Array<[string, string, unknown]> {
  const out: Array<[string, string, unknown]> = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else {
        const rel = relative(REPO, abs);
        const schema = schemaOfFile(rel);
        if (schema && /(environment|tenant|overrides)\.yaml$/.test(rel)) out.push([rel, schema, parse(readFileSync(abs, 'utf8'))]);
      }
    }
  };
  walk(join(REPO, 'environments'));
  out.push(['platform/defaults.yaml', schemaOfFile('platform/defaults.yaml')!, parse(readFileSync(join(REPO, 'platform', 'defaults.yaml'), 'utf8'))]);
  return out;
}

const INVALID: Array<[string, string, unknown]> = [
  ['an unknown key', 'tenant.schema.json', { quota: { cpu: '1' }, unknown: 1 }],
  ['a registry with a scheme (a format)', 'environment.schema.json', { registry: 'https://registry.example.com/acme' }],
  ['a wrong type', 'overrides.schema.json', { replicas: 'three' }],
  ['a list where a map belongs', 'environment.schema.json', ['a']],
];

beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), 'eleventh-schema-quick-'));
  vi.stubEnv('ELEVENTH_CACHE_DIR', cache);
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(cache, { recursive: true, force: true });
});

describe('quickValid: the saved standalone check', () => {
  it('says valid for every hand-written file of the bundled example, as the full validation does', async () => {
    const { quickValid } = await fresh();
    const { validateSchema } = await import('./schema-validate');
    const files = exampleFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const [file, schema, value] of files) {
      expect(validateSchema(schema, value), file).toEqual([]);
      expect(quickValid(schema, value), file).toBe(true);
    }
    expect(saved()).toHaveLength(1);
  });

  it.each(INVALID)('refuses %s, which the full validation reports', async (_, schema, value) => {
    const { quickValid } = await fresh();
    const { validateSchema } = await import('./schema-validate');
    expect(quickValid(schema, value)).toBe(false);
    expect(validateSchema(schema, value)).not.toEqual([]);
  });

  it('is saved once and read back; a damaged file is made again', async () => {
    const [file] = saved();
    expect(file).toBeDefined();
    const before = readFileSync(join(cache, file!), 'utf8');
    expect((await fresh()).quickValid('overrides.schema.json', { replicas: 2 })).toBe(true);
    expect(saved()).toEqual([file]);
    writeFileSync(join(cache, file!), 'this is not javascript {');
    const again = await fresh();
    expect(again.quickValid('overrides.schema.json', { replicas: 2 })).toBe(true);
    expect(again.quickValid('overrides.schema.json', { replicas: 'two' })).toBe(false);
    expect(readFileSync(join(cache, file!), 'utf8')).toBe(before);
  });

  it('has no answer for a schema it does not know (the full validation reports that)', async () => {
    const { quickValid } = await fresh();
    expect(quickValid('nothing.schema.json', {})).toBeUndefined();
  });
});
