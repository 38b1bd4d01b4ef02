import { describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { parse, parseAllDocuments } from 'yaml';
import { createEnvironmentsTree } from '../../utils/testing';
import { namespaceGenerator } from '../namespace/generator';
import { environmentGenerator } from './generator';

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
      "# Environment qa: states only its differences from staging (see environments/README.md).
      extends: staging
      cluster:
        name: 'qa'
      "
    `);
  });

  it.each([
    [{ extends: 'staging' }, { extends: 'staging', cluster: { name: 'qa' } }],
    [{ extends: 'prod', clusterName: 'eu-prod-2' }, { extends: 'prod', cluster: { name: 'eu-prod-2' } }],
    [
      { extends: 'preprod', promoteFrom: 'preprod' },
      { extends: 'preprod', cluster: { name: 'qa' }, promotion: { from: 'preprod', tags: 'qa-v*' } },
    ],
    [
      { extends: 'staging', promoteFrom: 'staging', tagPattern: 'release-*' },
      { extends: 'staging', cluster: { name: 'qa' }, promotion: { from: 'staging', tags: 'release-*' } },
    ],
    [{ opsFor: 'staging' }, { extends: 'staging', cluster: { name: 'qa' }, defaults: { replicas: 1, autoscaling: false } }],
    [
      { extends: 'staging', gitBranch: 'qa' },
      { extends: 'staging', cluster: { name: 'qa', git: { url: 'https://github.com/acme/eleventh.git', branch: 'qa' } } },
    ],
  ])('%j writes environment.yaml %j', async (flags, expected) => {
    const tree = await withNamespaces();
    await environmentGenerator(tree, { name: 'qa', ...flags });
    expect(yamlAt(tree, 'environments/qa/environment.yaml')).toEqual(expected);
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

  it('gives every namespace of the extended environment an empty-differences tenant.yaml', async () => {
    const tree = await withNamespaces();
    await environmentGenerator(tree, { name: 'qa', extends: 'preprod' });
    expect(tree.read('environments/qa/risk/tenant.yaml', 'utf8')).toContain('no differences from preprod');
    expect(yamlAt(tree, 'environments/qa/payments/tenant.yaml')).toEqual({});
    expect(yamlAt(tree, 'environments/qa/risk/tenant.yaml')).toEqual({});
  });

  it("bootstraps Flux with the chain's repository and a Kustomization for environments/<name>/_flux", async () => {
    const tree = await withNamespaces();
    await environmentGenerator(tree, { name: 'qa', extends: 'prod' });
    const dir = 'clusters/qa/flux-system';
    expect(yamlAt(tree, `${dir}/kustomization.yaml`)).toEqual({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['eleventh-source.yaml', 'eleventh-sync.yaml'],
    });
    expect(yamlAt(tree, `${dir}/eleventh-source.yaml`)).toEqual({
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'eleventh', namespace: 'flux-system' },
      spec: { interval: '1m', url: 'https://github.com/acme/eleventh.git', ref: { branch: 'main' } },
    });
    expect(yamlAt(tree, `${dir}/eleventh-sync.yaml`)).toEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'eleventh', namespace: 'flux-system' },
      spec: { interval: '10m', path: './environments/qa/_flux', prune: true, sourceRef: { kind: 'GitRepository', name: 'eleventh' } },
    });
    expect(parseAllDocuments(tree.read(`${dir}/eleventh-sync.yaml`, 'utf8')!)).toHaveLength(1);
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
    [{ name: 'qa', extends: 'staging', tagPattern: 'qa-*' }, '--tag-pattern: given without --promote-from'],
    [{ name: 'qa', extends: 'staging', registry: 'r.example.com' }, "--registry: 'qa' inherits its registry from 'staging'"],
    [{ name: 'qa', extends: 'staging', gitUrl: 'git@github.com:acme/p.git' }, "--git-url: 'git@github.com:acme/p.git' is not a URL Flux can pull"],
    [{ name: 'qa', extends: 'staging', clusterName: "it's" }, `--cluster-name: "it's" cannot be used`],
  ])('refuses %j and writes nothing', async (options, message) => {
    const tree = await withNamespaces();
    const before = tree.listChanges().length;
    await expect(environmentGenerator(tree, options)).rejects.toThrow(message);
    expect(tree.listChanges()).toHaveLength(before);
  });

  it('refuses a second run and a cluster folder that exists', async () => {
    const tree = await withNamespaces();
    await environmentGenerator(tree, { name: 'qa', extends: 'staging' });
    await expect(environmentGenerator(tree, { name: 'qa', extends: 'staging' })).rejects.toThrow(
      'environments/qa/environment.yaml: already exists',
    );
    tree.write('clusters/uat/flux-system/kustomization.yaml', 'resources: []\n');
    await expect(environmentGenerator(tree, { name: 'uat', extends: 'staging' })).rejects.toThrow('clusters/uat: already exists');
  });
});
