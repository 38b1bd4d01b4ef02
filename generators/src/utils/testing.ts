/**
 * Test fixtures: an empty Nx workspace tree holding the example environments
 * (staging is the root; preprod ← staging, prod ← preprod, ops-staging ← staging).
 */
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from 'nx/src/devkit-testing-exports';
import { stringify } from 'yaml';

export const EXAMPLE_ENVIRONMENTS: Readonly<Record<string, Record<string, unknown>>> = {
  staging: {
    registry: 'registry.example.com/acme',
    cluster: { name: 'staging', git: { url: 'https://github.com/acme/eleventh.git', branch: 'main' } },
    profiles: [],
  },
  preprod: { extends: 'staging', cluster: { name: 'preprod' }, promotion: { from: 'staging', tags: 'preprod-v*' } },
  prod: { extends: 'preprod', cluster: { name: 'prod' }, promotion: { from: 'preprod', tags: 'prod-v*' } },
  'ops-staging': { extends: 'staging', cluster: { name: 'ops-staging' }, defaults: { replicas: 1 } },
};

/** A fresh workspace tree (no formatter configured) with the example environments and no namespaces. */
export function createEnvironmentsTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.delete('.oxfmtrc.json'); // like this repository: no formatter configured, formatFiles is a no-op
  for (const [name, doc] of Object.entries(EXAMPLE_ENVIRONMENTS)) {
    tree.write(`environments/${name}/environment.yaml`, stringify(doc));
  }
  return tree;
}
