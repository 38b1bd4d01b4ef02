/**
 * Every YAML file the generators write into a new repository (`eleventh new` runs the workspace generator;
 * then `nx g` namespace and environment): each hand-written configuration file starts with the
 * yaml-language-server modeline, whose path — relative to the file — reaches the published schema of that
 * file in the repository's node_modules/@eleventh/cli/schemas, and the file is valid against it.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { parse } from 'yaml';
import { ajvFindings, loadConfig, MODELINE_PREFIX, SCHEMAS_IN_REPO, schemaOfFile, strictAjv } from '@eleventh/cli/testing';
import { environmentGenerator } from '../generators/environment/generator';
import { namespaceGenerator } from '../generators/namespace/generator';
import { workspaceGenerator } from '../generators/workspace/generator';
import { packageDir } from '../new-repo/vendor';
import { handWrittenYaml } from './hand-written';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new repository on disk: generated, then the CLI package's schemas where `npm install` puts them. */
async function newRepository(): Promise<{ root: string; yamlFiles: string[] }> {
  const root = mkdtempSync(join(tmpdir(), 'eleventh-modeline-'));
  dirs.push(root);
  const tree = new FsTree(root, false);
  await workspaceGenerator(tree, { name: 'acme' });
  await namespaceGenerator(tree, { name: 'payments', team: 'acme/payments-team' });
  await environmentGenerator(tree, { name: 'qa', extends: 'staging' });
  await environmentGenerator(tree, { name: 'uat', extends: 'staging', mode: 'promoted', promoteFrom: 'staging' });
  await environmentGenerator(tree, { name: 'dr', extends: 'prod' });
  await environmentGenerator(tree, { name: 'ops-qa', opsFor: 'staging' });
  const yamlFiles = tree.listChanges().map((c) => c.path).filter((p) => /\.ya?ml$/.test(p)).sort();
  flushChanges(root, tree.listChanges());
  const installed = join(root, SCHEMAS_IN_REPO);
  mkdirSync(dirname(installed), { recursive: true });
  cpSync(join(packageDir('@eleventh/cli'), 'schemas'), installed, { recursive: true });
  return { root, yamlFiles };
}

describe('hand-written files the generators write', () => {
  it('start with the modeline, whose path from the file reaches its schema in a new repository, and are valid', async () => {
    const { root, yamlFiles } = await newRepository();
    const ajv = strictAjv();
    const config = yamlFiles.filter((f) => schemaOfFile(f) !== undefined);
    expect(yamlFiles.filter((f) => schemaOfFile(f) === undefined)).toEqual(['.github/workflows/eleventh.yml', '.gitlab-ci.yml']);
    expect(config).toEqual(expect.arrayContaining(['platform/defaults.yaml', 'platform/images.yaml', 'environments/staging/environment.yaml', 'environments/dr/environment.yaml', 'environments/qa/payments/tenant.yaml', 'environments/staging/apps/tenant.yaml']));
    expect(config).toHaveLength(2 + 8 + 8 * 2);
    for (const file of config) {
      const text = readFileSync(join(root, file), 'utf8');
      const first = text.split('\n')[0];
      expect(first.startsWith(MODELINE_PREFIX), file).toBe(true);
      const target = resolve(root, dirname(file), first.slice(MODELINE_PREFIX.length));
      expect(target, file).toBe(join(root, SCHEMAS_IN_REPO, schemaOfFile(file)!));
      expect(existsSync(target), file).toBe(true);
      expect(ajvFindings(ajv, schemaOfFile(file)!, parse(text) ?? null), file).toEqual([]);
    }
  });

  it('are read by the engine with the modeline as line 1', async () => {
    const { root } = await newRepository();
    const config = loadConfig(root);
    expect(config.environments).toEqual(['dr', 'ops-qa', 'ops-staging', 'preprod', 'prod', 'qa', 'staging', 'uat']);
    const file = 'environments/ops-qa/environment.yaml';
    expect(config.service('ops-qa', 'payments', 'any').provenance.get('replicas')).toMatchObject({ value: 1, file, line: 8 });
    expect(readFileSync(join(root, file), 'utf8').split('\n')[8 - 1]).toBe('  replicas: 1');
  });

  it('name the schema by the file, relative to its depth', () => {
    expect(handWrittenYaml('environments/prod/payments/api/overrides.yaml', { replicas: 3 }, { top: ' api in prod' })).toBe(
      '# yaml-language-server: $schema=../../../../node_modules/@eleventh/cli/schemas/overrides.schema.json\n# api in prod\nreplicas: 3\n',
    );
    expect(() => handWrittenYaml('services/api/config.yaml', {}, { top: '' })).toThrow('services/api/config.yaml is not a hand-written configuration file');
  });
});
