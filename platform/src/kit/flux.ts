/**
 * `renderFluxNamespace`: the Flux Kustomization that applies one namespace's folder of one environment.
 */
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import { KitError, show } from '../errors';
import type { FluxNamespaceContext, KubeObject } from './types';
import { LABEL, MANAGED_BY } from './labels';
import { assertDnsLabel } from './names';

/** Namespace Flux runs in. */
export const FLUX_NAMESPACE = 'flux-system';
/** Default name of the GitRepository source. */
export const DEFAULT_SOURCE_NAME = 'eleventh';

/** Build the Kustomization `<env>-<ns>`. */
export function renderFluxNamespace(ctx: FluxNamespaceContext): KubeObject {
  assertDnsLabel('environment', ctx.environment);
  assertDnsLabel('namespace', ctx.namespace);
  if (typeof ctx.path !== 'string' || !ctx.path.startsWith('./')) {
    throw new KitError(`'path' (${show(ctx.path)}) is not a repository-relative path`, "a path starting with './', e.g. './environments/staging/payments'");
  }
  return new Kustomization({
    metadata: {
      name: `${ctx.environment}-${ctx.namespace}`,
      namespace: FLUX_NAMESPACE,
      labels: { [LABEL.managedBy]: MANAGED_BY, [LABEL.environment]: ctx.environment, [LABEL.partOf]: ctx.namespace },
    },
    spec: {
      interval: '10m',
      path: ctx.path,
      prune: true,
      wait: true,
      timeout: '5m',
      sourceRef: { kind: 'GitRepository', name: ctx.sourceName ?? DEFAULT_SOURCE_NAME },
    },
  });
}
