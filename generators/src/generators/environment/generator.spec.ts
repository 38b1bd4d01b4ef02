import { describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { parse, stringify } from 'yaml';
import { createEnvironmentsTree } from '../../utils/testing';
import { namespaceGenerator } from '../namespace/generator';
import { environmentGenerator } from './generator';
import type { EnvironmentGeneratorSchema } from './schema';
import { bootstrapNote } from './lib/bootstrap-note';
import { normalizeOptions } from './lib/normalize-options';

async function withNamespaces(): Promise<Tree> {
  const tree = createEnvironmentsTree();
  await namespaceGenerator(tree, { name: 'payments', team: 'payments-team' });
  await namespaceGenerator(tree, { name: 'risk', team: 'risk-team' });
  return tree;
}

const yamlAt = (tree: Tree, path: string): unknown => parse(tree.read(path, 'utf8')!);

describe('environment generator', () => {
  it('states only the explicit differences of an environment that follows main', async () => {
    const tree = await withNamespaces();
    await environmentGenerator(tree, { name: 'qa', extends: 'staging' });
    expect(tree.read('environments/qa/environment.yaml', 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../node_modules/@eleventh/cli/schemas/environment.schema.json
      # Environment qa: states only its differences from staging (see environments/README.md).
      extends: staging
      cluster:
        name: qa
      "
    `);
  });

  const qa = { extends: 'staging', cluster: { name: 'qa' } };
  it.each([
    [{ extends: 'staging' }, qa],
    [{ extends: 'staging', mode: 'follows-main' }, qa],
    [{ extends: 'prod', mode: 'follows-main' }, { extends: 'prod', cluster: { name: 'qa' } }],
    [{ extends: 'prod', clusterName: 'eu-prod-2' }, { extends: 'prod', cluster: { name: 'eu-prod-2' }, promotion: { mirrorOf: 'prod' } }],
    [{ extends: 'prod', mode: 'mirror' }, { extends: 'prod', cluster: { name: 'qa' }, promotion: { mirrorOf: 'prod' } }],
    [{ extends: 'prod', mirrorOf: 'prod' }, { extends: 'prod', cluster: { name: 'qa' }, promotion: { mirrorOf: 'prod' } }],
    [{ extends: 'preprod', mirrorOf: 'prod' }, { extends: 'preprod', cluster: { name: 'qa' }, promotion: { mirrorOf: 'prod' } }],
    [{ extends: 'staging', mode: 'mirror', mirrorOf: 'preprod' }, { ...qa, promotion: { mirrorOf: 'preprod' } }],
    [{ extends: 'preprod', promoteFrom: 'preprod' }, { extends: 'preprod', cluster: { name: 'qa' }, promotion: { from: 'preprod', tags: 'qa-v*' } }],
    [{ extends: 'prod', mode: 'promoted' }, { extends: 'prod', cluster: { name: 'qa' }, promotion: { from: 'prod', tags: 'qa-v*' } }],
    [{ extends: 'prod', mode: 'promoted', promoteFrom: 'preprod' }, { extends: 'prod', cluster: { name: 'qa' }, promotion: { from: 'preprod', tags: 'qa-v*' } }],
    [{ extends: 'staging', promoteFrom: 'staging', tagPattern: 'release-*' }, { ...qa, promotion: { from: 'staging', tags: 'release-*' } }],
    [{ extends: 'staging', tagPattern: 'release-*' }, { ...qa, promotion: { from: 'staging', tags: 'release-*' } }],
    [{ opsFor: 'staging' }, { ...qa, defaults: { replicas: 1, autoscaling: false } }],
    [{ opsFor: 'staging', mode: 'follows-main' }, { ...qa, defaults: { replicas: 1, autoscaling: false } }],
    [{ extends: 'staging', gitBranch: 'qa' }, { ...qa, cluster: { name: 'qa', git: { url: 'https://github.com/acme/eleventh.git', branch: 'qa' } } }],
  ] as const)('%j writes environment.yaml %j', async (flags, expected) => {
    const tree = await withNamespaces();
    await environmentGenerator(tree, { name: 'qa', ...flags });
    expect(yamlAt(tree, 'environments/qa/environment.yaml')).toEqual(expected);
  });

  it("makes the README's `dr --extends prod` a mirror of prod, and says so", async () => {
    const tree = await withNamespaces();
    expect(normalizeOptions(tree, { name: 'dr', extends: 'prod' }).releaseNote).toBe(
      'dr extends prod, which is promoted: dr mirrors prod (promotion.mirrorOf: prod); ' +
        'pass --mode follows-main or --mode promoted --promote-from <env> to choose otherwise',
    );
    await environmentGenerator(tree, { name: 'dr', extends: 'prod' });
    expect(tree.read('environments/dr/environment.yaml', 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../node_modules/@eleventh/cli/schemas/environment.schema.json
      # Environment dr: states only its differences from prod (see environments/README.md).
      extends: prod
      cluster:
        name: dr
      # A mirror (DR): every promotion and rollback of prod renders it too, in the same commit, with its own differences.
      promotion:
        mirrorOf: prod
      "
    `);
  });

  it.each([
    [{ extends: 'prod', mode: 'mirror' }],
    [{ extends: 'prod', mode: 'follows-main' }],
    [{ extends: 'prod', promoteFrom: 'preprod' }],
    [{ extends: 'prod', mirrorOf: 'prod' }],
    [{ extends: 'staging' }],
  ] as const)('%j chooses its mode explicitly: nothing to say', async (flags) => {
    const tree = await withNamespaces();
    expect(normalizeOptions(tree, { name: 'dr', ...flags }).releaseNote).toBeNull();
  });

  it('extending a mirror mirrors what it mirrors (one level), and a mirror of a mirror is refused', async () => {
    const tree = await withNamespaces();
    tree.write('environments/dr/environment.yaml', stringify({ extends: 'prod', cluster: { name: 'dr' }, promotion: { mirrorOf: 'prod' } }));
    expect(normalizeOptions(tree, { name: 'dr2', extends: 'dr' }).releaseNote).toBe(
      'dr2 extends dr, a mirror of prod: dr2 mirrors prod (promotion.mirrorOf: prod); ' +
        'pass --mode follows-main or --mode promoted --promote-from <env> to choose otherwise',
    );
    await environmentGenerator(tree, { name: 'dr2', extends: 'dr' });
    expect(yamlAt(tree, 'environments/dr2/environment.yaml')).toEqual({ extends: 'dr', cluster: { name: 'dr2' }, promotion: { mirrorOf: 'prod' } });
    await expect(environmentGenerator(tree, { name: 'dr3', extends: 'dr', mirrorOf: 'dr' })).rejects.toThrow(
      "--mirror-of: 'dr' is itself a mirror of 'prod' (expected --mirror-of <promoted environment>: one of preprod, prod)",
    );
  });

  it('writes the root environment when there is none yet', async () => {
    const tree = createEnvironmentsTree();
    for (const env of ['staging', 'preprod', 'prod', 'ops-staging']) tree.delete(`environments/${env}`);
    await environmentGenerator(tree, { name: 'dev', registry: 'registry.example.com/acme', gitUrl: 'ssh://git@github.com/acme/p.git' });
    expect(yamlAt(tree, 'environments/dev/environment.yaml')).toEqual({
      registry: 'registry.example.com/acme',
      cluster: { name: 'dev', git: { url: 'ssh://git@github.com/acme/p.git', branch: 'main' } },
      profiles: [],
    });
  });

  it.each(['Registry.example.com/acme', 'registry.example.com/acme:v1', 'https://registry.example.com/acme'])('refuses the root registry %s by the engine\'s rule, writing nothing', async (registry) => {
    const tree = createEnvironmentsTree();
    for (const env of ['staging', 'preprod', 'prod', 'ops-staging']) tree.delete(`environments/${env}`);
    const before = tree.listChanges().length;
    await expect(environmentGenerator(tree, { name: 'dev', registry, gitUrl: 'ssh://git@github.com/acme/p.git' })).rejects.toThrow(`--registry: '${registry}' is not a registry reference: it has`);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('gives every namespace of the extended environment an empty-differences tenant.yaml', async () => {
    const tree = await withNamespaces();
    await environmentGenerator(tree, { name: 'qa', extends: 'preprod' });
    expect(tree.read('environments/qa/risk/tenant.yaml', 'utf8')).toContain('no differences from preprod');
    expect(yamlAt(tree, 'environments/qa/payments/tenant.yaml')).toEqual({});
    expect(yamlAt(tree, 'environments/qa/risk/tenant.yaml')).toEqual({});
  });

  it('writes nothing under clusters/: the Flux bootstrap is the rendered environments/<name>/_flux', async () => {
    const tree = await withNamespaces();
    const before = new Set(tree.listChanges().map((c) => c.path));
    await environmentGenerator(tree, { name: 'qa', extends: 'prod', clusterName: 'eu-qa-1' });
    const written = tree.listChanges().map((c) => c.path).filter((p) => !before.has(p));
    expect(written.sort()).toEqual(['environments/qa/environment.yaml', 'environments/qa/payments/tenant.yaml', 'environments/qa/risk/tenant.yaml']);
    expect(tree.exists('clusters')).toBe(false);
    const note = bootstrapNote(normalizeOptions(await withNamespaces(), { name: 'qa', extends: 'prod', clusterName: 'eu-qa-1' }));
    expect(note).toContain('rendered by `npx eleventh render`');
    expect(note).toContain('Flux pulls https://github.com/acme/eleventh.git main');
    expect(note).toContain("To start cluster 'eu-qa-1': `flux install`, then `kubectl apply -k environments/qa/_flux`");
    expect(note).toContain('--path=clusters/eu-qa-1, never a folder under environments/');
  });

  it.each([
    [{ name: 'QA', extends: 'staging' }, 'environments/QA: environment name "QA" is not valid'],
    [{ name: 'shared', extends: 'staging' }, "environments/shared: environment name 'shared' is reserved"],
    [{ name: 'prod', extends: 'staging' }, 'environments/prod/environment.yaml: already exists (expected a new environment name)'],
    [{ name: 'qa', extends: 'dev' }, "--extends: unknown environment 'dev' (expected one of: ops-staging, preprod, prod, staging)"],
    [{ name: 'qa' }, "environments/staging/environment.yaml: 'staging' is already the root environment (expected --extends <environment>"],
    [{ name: 'qa', opsFor: 'staging', extends: 'prod' }, "--extends: 'prod' differs from --ops-for 'staging'"],
    [{ name: 'qa', opsFor: 'staging', promoteFrom: 'staging' }, '--promote-from: an ops environment follows main'],
    [{ name: 'qa', extends: 'staging', promoteFrom: 'uat' }, "--promote-from: unknown environment 'uat'"],
    [{ name: 'qa', extends: 'staging', mirrorOf: 'staging' }, "--mirror-of: 'staging' is not promoted, so there is nothing to mirror (expected --mirror-of <promoted environment>: one of preprod, prod)"],
    [{ name: 'qa', extends: 'ops-staging', mode: 'mirror' }, "--extends: 'ops-staging' is not promoted, so there is nothing to mirror"],
    [{ name: 'qa', extends: 'prod', mirrorOf: 'uat' }, "--mirror-of: unknown environment 'uat'"],
    [{ name: 'qa', extends: 'prod', mirrorOf: 'prod', promoteFrom: 'preprod' }, '--mirror-of: given with --promote-from (expected one of them'],
    [{ name: 'qa', extends: 'prod', mirrorOf: 'prod', tagPattern: 'qa-*' }, '--tag-pattern: a mirror has no tags'],
    [{ name: 'qa', extends: 'prod', mode: 'mirror', tagPattern: 'qa-*' }, '--tag-pattern: a mirror has no tags'],
    [{ name: 'qa', extends: 'prod', mode: 'follows-main', promoteFrom: 'preprod' }, "--mode: 'follows-main' contradicts --promote-from (expected --mode promoted, or no --mode)"],
    [{ name: 'qa', extends: 'prod', mode: 'follows-main', tagPattern: 'qa-*' }, "--mode: 'follows-main' contradicts --tag-pattern (expected --mode promoted, or no --mode)"],
    [{ name: 'qa', extends: 'prod', mode: 'promoted', mirrorOf: 'prod' }, "--mode: 'promoted' contradicts --mirror-of (expected --mode mirror, or no --mode)"],
    [{ name: 'qa', opsFor: 'staging', mirrorOf: 'prod' }, '--mirror-of: an ops environment follows main (expected either --ops-for or --mirror-of)'],
    [{ name: 'qa', opsFor: 'staging', mode: 'promoted' }, "--mode: 'promoted' contradicts --ops-for (expected --mode follows-main, or no --mode)"],
    [{ name: 'qa', extends: 'prod', mode: 'sideways' as never }, "--mode: 'sideways' is not a mode (expected follows-main, promoted, mirror)"],
    [{ name: 'qa', extends: 'staging', mode: 'promoted', tagPattern: "it's" }, `--tag-pattern: "it's" cannot be used`],
    [{ name: 'qa', extends: 'staging', registry: 'r.example.com' }, "--registry: 'qa' inherits its registry from 'staging'"],
    [{ name: 'qa', extends: 'staging', gitUrl: 'git@github.com:acme/p.git' }, "--git-url: 'git@github.com:acme/p.git' is not a URL Flux can pull"],
    [{ name: 'qa', extends: 'staging', clusterName: "it's" }, `--cluster-name: "it's" cannot be used`],
  ] satisfies Array<[EnvironmentGeneratorSchema, string]>)('refuses %j and writes nothing', async (options, message) => {
    const tree = await withNamespaces();
    const before = tree.listChanges().length;
    await expect(environmentGenerator(tree, options)).rejects.toThrow(message);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses a second run', async () => {
    const tree = await withNamespaces();
    await environmentGenerator(tree, { name: 'qa', extends: 'staging' });
    await expect(environmentGenerator(tree, { name: 'qa', extends: 'staging' })).rejects.toThrow('environments/qa/environment.yaml: already exists');
  });

  it('accepts an existing clusters/<name> unless it already applies environments/<name>/_flux (a second owner)', async () => {
    const tree = await withNamespaces();
    tree.write('clusters/uat/flux-system/gotk-components.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata: {name: flux-system}\n');
    await environmentGenerator(tree, { name: 'uat', extends: 'staging' });
    const sync = { apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'apps', namespace: 'flux-system' }, spec: { path: './environments/uat2/_flux' } };
    tree.write('clusters/other/apps.yaml', stringify(sync));
    const before = tree.listChanges().length;
    await expect(environmentGenerator(tree, { name: 'uat2', extends: 'staging' })).rejects.toThrow(
      'clusters/other/apps.yaml: already defines Kustomization flux-system/apps for environments/uat2/_flux (expected only environments/<name>/_flux to define it; run nx g @eleventh/nx:migrate-bootstrap)',
    );
    expect(tree.listChanges()).toHaveLength(before);
  });
});
