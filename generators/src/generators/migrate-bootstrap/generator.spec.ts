import { describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { secondOwnersIn } from '@eleventh/cli';
import { clusterYamlFiles } from '../../utils/clusters';
import { createEnvironmentsTree, legacyBootstrapFiles } from '../../utils/testing';
import { migrateBootstrapGenerator } from './generator';

const DIR = 'clusters/prod/flux-system';

function treeWith(files: Record<string, string>): Tree {
  const tree = createEnvironmentsTree();
  for (const [path, text] of Object.entries(files)) tree.write(path, text);
  return tree;
}

const legacy = (env = 'prod') => legacyBootstrapFiles(env);
const edit = (path: string, fn: (text: string) => string) => (files: Record<string, string>) => ({ ...files, [path]: fn(files[path]) });

describe('migrate-bootstrap generator', () => {
  it('removes clusters/<env>/ when it holds only what the environment generator made', async () => {
    const tree = treeWith({ ...legacy('prod'), ...legacy('preprod') });
    expect(secondOwnersIn(clusterYamlFiles(tree)).map((s) => `${s.file} ${s.object} ${s.environment}`)).toEqual([
      'clusters/preprod/flux-system/eleventh-source.yaml GitRepository flux-system/eleventh preprod',
      'clusters/preprod/flux-system/eleventh-sync.yaml Kustomization flux-system/eleventh preprod',
      'clusters/prod/flux-system/eleventh-source.yaml GitRepository flux-system/eleventh prod',
      'clusters/prod/flux-system/eleventh-sync.yaml Kustomization flux-system/eleventh prod',
    ]);
    await migrateBootstrapGenerator(tree, {});
    expect(tree.exists('clusters/prod')).toBe(false);
    expect(tree.exists('clusters/preprod')).toBe(false);
    expect(tree.exists('clusters')).toBe(false);
    expect(tree.exists('environments/prod/environment.yaml')).toBe(true);
    expect(secondOwnersIn(clusterYamlFiles(tree))).toEqual([]);
  });

  it("drops the two entries and keeps the rest (flux install's gotk-components.yaml, the user's comments)", async () => {
    const files = edit(`${DIR}/kustomization.yaml`, (t) => t.replace('resources:\n', 'resources:\n  - gotk-components.yaml # flux install --export\n'))(legacy());
    const tree = treeWith({ ...files, [`${DIR}/gotk-components.yaml`]: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: flux-system\n' });
    await migrateBootstrapGenerator(tree, {});
    expect(tree.children(DIR).sort()).toEqual(['gotk-components.yaml', 'kustomization.yaml']);
    expect(tree.read(`${DIR}/kustomization.yaml`, 'utf8')).toMatchInlineSnapshot(`
      "apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      resources:
        - gotk-components.yaml # flux install --export
      "
    `);
  });

  it('keeps kustomization.yaml (with no resources) while other files stay next to it', async () => {
    const tree = treeWith({ ...legacy(), [`${DIR}/notes.md`]: 'cluster notes\n' });
    await migrateBootstrapGenerator(tree, {});
    expect(tree.children(DIR).sort()).toEqual(['kustomization.yaml', 'notes.md']);
    expect(tree.read(`${DIR}/kustomization.yaml`, 'utf8')).toBe('apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n');
  });

  it('migrates a folder where only one of the two files is left, and a missing kustomization.yaml', async () => {
    const files = legacy();
    const tree = treeWith({ [`${DIR}/eleventh-sync.yaml`]: files[`${DIR}/eleventh-sync.yaml`] });
    await migrateBootstrapGenerator(tree, {});
    expect(tree.exists('clusters')).toBe(false);
  });

  it('does nothing when there is nothing eleventh made', async () => {
    const tree = treeWith({ 'clusters/apps/main.tf': 'terraform {}\n' });
    const before = tree.listChanges().length;
    await migrateBootstrapGenerator(tree, {});
    expect(tree.listChanges()).toHaveLength(before);
  });

  const SYNC = `${DIR}/eleventh-sync.yaml`;
  const SOURCE = `${DIR}/eleventh-source.yaml`;
  const ADVICE = 'environments/prod/_flux/ now defines this object: move your change into environments/prod/environment.yaml, or delete the file yourself)';
  it.each([
    ['an interval', edit(SYNC, (t) => t.replace('interval: 10m', 'interval: 5m')), `${SYNC}: edited since eleventh made it: spec.interval is "5m" (expected "10m"; ${ADVICE}`],
    ['another path', edit(SYNC, (t) => t.replace('./environments/prod/_flux', './environments/preprod/_flux')), `${SYNC}: edited since eleventh made it: spec.path is "./environments/preprod/_flux" (expected "./environments/prod/_flux"; ${ADVICE}`],
    ['an added key', edit(SYNC, (t) => `${t}  timeout: 5m\n`), `${SYNC}: edited since eleventh made it: spec.timeout was added (expected no 'timeout'; ${ADVICE}`],
    ['a second document', edit(SOURCE, (t) => `${t}---\napiVersion: v1\nkind: Secret\n`), `${SOURCE}: edited since eleventh made it: holds 2 documents (expected the one object eleventh made; ${ADVICE}`],
    ['a secretRef', edit(SOURCE, (t) => `${t}  secretRef:\n    name: git-auth\n`), `${SOURCE}: edited since eleventh made it: spec.secretRef was added (expected no 'secretRef'; ${ADVICE}`],
    ['a renamed source', edit(SOURCE, (t) => t.replace('name: eleventh', 'name: platform')), `${SOURCE}: edited since eleventh made it: metadata.name is "platform" (expected "eleventh"; ${ADVICE}`],
    ['broken YAML', edit(SOURCE, (t) => `${t}  ref: [\n`), `${SOURCE}: edited since eleventh made it: is not valid YAML`],
  ])('refuses %s, naming the file, and writes nothing', async (_, change, message) => {
    const tree = treeWith({ ...change(legacy()), ...legacy('preprod') });
    const before = tree.listChanges().length;
    await expect(migrateBootstrapGenerator(tree, {})).rejects.toThrow(message);
    expect(tree.listChanges()).toHaveLength(before);
    expect(tree.exists('clusters/preprod/flux-system/eleventh-sync.yaml')).toBe(true);
  });

  it('reports every edited file at once', async () => {
    const files = edit(SOURCE, (t) => t.replace('interval: 1m', 'interval: 2m'))(edit('clusters/qa/flux-system/eleventh-sync.yaml', (t) => t.replace('prune: true', 'prune: false'))({ ...legacy(), ...legacy('qa') }));
    const tree = treeWith(files);
    await expect(migrateBootstrapGenerator(tree, {})).rejects.toThrow(
      /^clusters\/prod\/flux-system\/eleventh-source.yaml: edited since eleventh made it: spec.interval is "2m" .*\nclusters\/qa\/flux-system\/eleventh-sync.yaml: edited since eleventh made it: spec.prune is false /,
    );
  });

  it('refuses a kustomization.yaml that is not a kustomization', async () => {
    const tree = treeWith({ ...legacy(), [`${DIR}/kustomization.yaml`]: 'resources: eleventh-sync.yaml\n' });
    await expect(migrateBootstrapGenerator(tree, {})).rejects.toThrow(`${DIR}/kustomization.yaml: is not a kustomization with a resources list (expected a map with 'resources: [...]')`);
  });
});
