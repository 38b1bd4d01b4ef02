/**
 * The cluster's Flux bootstrap, clusters/<env>/flux-system/: the GitRepository Flux pulls and the
 * Kustomization that applies environments/<env>/_flux (one Kustomization per namespace, rendered by
 * eleventh). Built as kubernetes-models objects, validated, and emitted with the yaml package.
 * The Flux controllers themselves come from `flux install --export` (see generators/README.md).
 */
import type { Tree } from '@nx/devkit';
import { GitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository';
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import { stringify } from 'yaml';
import { DEFAULT_SOURCE_NAME, FLUX_NAMESPACE } from '@eleventh/platform/src/kit/flux';
import { writeNewFile } from '../../../utils/templates';
import type { NormalizedEnvironmentOptions } from './normalize-options';

/** The GitRepository the per-namespace Kustomizations refer to (the platform kit's default). */
const SOURCE_NAME = DEFAULT_SOURCE_NAME;
export const SOURCE_FILE = 'eleventh-source.yaml';
export const SYNC_FILE = 'eleventh-sync.yaml';

export function fluxBootstrapDir(env: string): string {
  return `clusters/${env}/flux-system`;
}

export function gitRepository(o: NormalizedEnvironmentOptions): GitRepository {
  return new GitRepository({
    metadata: { name: SOURCE_NAME, namespace: FLUX_NAMESPACE },
    spec: { interval: '1m', url: o.source.url, ref: { branch: o.source.branch } },
  });
}

export function syncKustomization(o: NormalizedEnvironmentOptions): Kustomization {
  return new Kustomization({
    metadata: { name: SOURCE_NAME, namespace: FLUX_NAMESPACE },
    spec: {
      interval: '10m',
      path: `./environments/${o.name}/_flux`,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: SOURCE_NAME },
    },
  });
}

function toYaml(header: string, object: unknown): string {
  return `${header}\n${stringify(JSON.parse(JSON.stringify(object)))}`;
}

export function addFluxBootstrap(tree: Tree, o: NormalizedEnvironmentOptions): void {
  const dir = fluxBootstrapDir(o.name);
  const source = gitRepository(o);
  const sync = syncKustomization(o);
  source.validate();
  sync.validate();
  const about = `# Flux bootstrap of ${o.name}`;
  writeNewFile(tree, `${dir}/${SOURCE_FILE}`, toYaml(`${about}: the repository Flux pulls.`, source));
  writeNewFile(tree, `${dir}/${SYNC_FILE}`, toYaml(`${about}: applies environments/${o.name}/_flux.`, sync));
  const kustomization = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [SOURCE_FILE, SYNC_FILE] };
  writeNewFile(tree, `${dir}/kustomization.yaml`, toYaml(`${about}: add gotk-components.yaml from \`flux install --export\`.`, kustomization));
}
