/**
 * One environment's Flux bootstrap, all in `environments/<env>/_flux/` so one `kubectl apply -k` (or
 * `flux bootstrap … --path environments/<env>/_flux`) starts everything: the GitRepository, a Kustomization
 * that keeps `_flux/` itself reconciled, the platform layer (`_platform/`), and one Kustomization per
 * namespace that `dependsOn` the platform layer. A layer that needs the platform's CRDs (a profile's Kyverno
 * policies, `_platform/<profile>-policies/`) gets its own Kustomization that `dependsOn` the platform layer,
 * whose `wait` holds until every HelmRelease (Kyverno's included, CRDs and all) is ready; the namespaces
 * then wait for those too, so guardrails are in force before any workload is applied. The secrets layer
 * (`alongsideNamespaces`) also follows the platform layer, but nothing waits for it: its stores log in as
 * ServiceAccounts the namespaces create, and ExternalSecrets retry until their store is ready.
 */
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import { DEFAULT_SOURCE_NAME, FLUX_NAMESPACE, renderFluxNamespace } from '../flux';
import { LABEL, MANAGED_BY } from '../labels';
import type { KubeObject } from '../types';
import { renderGitRepository, type GitSourceProps } from './git-repository';

export interface FluxBootstrapProps extends GitSourceProps {
  /** The environment's namespaces (any order). */
  readonly namespaces: readonly string[];
  /** Folders under `_platform/` applied after the platform layer is ready (e.g. `payments-compliance-policies`). @default [] */
  readonly afterPlatform?: readonly string[];
  /**
   * Folders under `_platform/` applied after the platform layer but not waited for by the namespaces, and not
   * health-checked (`wait: false`): the secrets layer, whose stores become ready only once each namespace's
   * ServiceAccount exists — waiting for them would deadlock a first install. @default []
   */
  readonly alongsideNamespaces?: readonly string[];
}

function layer(props: FluxBootstrapProps, suffix: string, folder: string, wait: boolean, dependsOn: readonly string[] = []): Kustomization {
  return new Kustomization({
    metadata: { name: `${props.environment}-${suffix}`, namespace: FLUX_NAMESPACE, labels: { [LABEL.managedBy]: MANAGED_BY, [LABEL.environment]: props.environment } },
    spec: {
      interval: '10m',
      path: `./environments/${props.environment}/${folder}`,
      prune: true,
      wait,
      timeout: '5m',
      sourceRef: { kind: 'GitRepository', name: props.sourceName ?? DEFAULT_SOURCE_NAME },
      ...(dependsOn.length > 0 ? { dependsOn: dependsOn.map((name) => ({ name })) } : {}),
    },
  });
}

/** The name of the platform-layer Kustomization every namespace waits for. */
export function platformKustomizationName(environment: string): string {
  return `${environment}-platform`;
}

export function renderFluxBootstrap(props: FluxBootstrapProps): KubeObject[] {
  const platformName = platformKustomizationName(props.environment);
  const platform = layer(props, 'platform', '_platform', true);
  const after = [...(props.afterPlatform ?? [])].sort().map((folder) => layer(props, folder, `_platform/${folder}`, true, [platformName]));
  const alongside = [...(props.alongsideNamespaces ?? [])].sort().map((folder) => layer(props, folder, `_platform/${folder}`, false, [platformName]));
  const ready = [platformName, ...after.map((k) => k.metadata!.name!)];
  const namespaces = [...props.namespaces].sort().map((ns) => {
    const json = renderFluxNamespace({ environment: props.environment, namespace: ns, path: `./environments/${props.environment}/${ns}`, sourceName: props.sourceName }).toJSON() as ConstructorParameters<typeof Kustomization>[0] & { spec: object };
    return new Kustomization({ ...json, spec: { ...json.spec, dependsOn: ready.map((name) => ({ name })) } } as ConstructorParameters<typeof Kustomization>[0]);
  });
  return [renderGitRepository(props), layer(props, 'bootstrap', '_flux', false), platform, ...after, ...alongside, ...namespaces];
}
