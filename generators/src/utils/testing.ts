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

/**
 * What `nx g @eleventh/nx:environment <env>` wrote under clusters/<env>/flux-system/ before the rendered
 * environments/<env>/_flux/ became the one bootstrap (byte for byte), keyed by path.
 */
export function legacyBootstrapFiles(env: string, url = 'https://github.com/acme/eleventh.git', branch = 'main'): Record<string, string> {
  const dir = `clusters/${env}/flux-system`;
  return {
    [`${dir}/kustomization.yaml`]: [
      `# Flux bootstrap of ${env}: add gotk-components.yaml from \`flux install --export\`.`,
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'resources:',
      '  - eleventh-source.yaml',
      '  - eleventh-sync.yaml',
      '',
    ].join('\n'),
    [`${dir}/eleventh-source.yaml`]: [
      `# Flux bootstrap of ${env}: the repository Flux pulls.`,
      'apiVersion: source.toolkit.fluxcd.io/v1',
      'kind: GitRepository',
      'metadata:',
      '  name: eleventh',
      '  namespace: flux-system',
      'spec:',
      '  interval: 1m',
      `  url: ${url}`,
      '  ref:',
      `    branch: ${branch}`,
      '',
    ].join('\n'),
    [`${dir}/eleventh-sync.yaml`]: [
      `# Flux bootstrap of ${env}: applies environments/${env}/_flux.`,
      'apiVersion: kustomize.toolkit.fluxcd.io/v1',
      'kind: Kustomization',
      'metadata:',
      '  name: eleventh',
      '  namespace: flux-system',
      'spec:',
      '  interval: 10m',
      `  path: ./environments/${env}/_flux`,
      '  prune: true',
      '  sourceRef:',
      '    kind: GitRepository',
      '    name: eleventh',
      '',
    ].join('\n'),
  };
}
