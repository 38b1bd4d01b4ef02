/**
 * The Argo CD alternative, in `environments/<env>/_argocd/`: an Application for the platform layer and an
 * ApplicationSet whose git directory generator makes one Application per namespace folder (`_*` excluded).
 */
import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import { ApplicationSet } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/ApplicationSet';
import { assertDnsLabel } from '../names';
import { LABEL, MANAGED_BY } from '../labels';
import type { KubeObject } from '../types';

/** Namespace Argo CD runs in. */
export const ARGOCD_NAMESPACE = 'argocd';

export interface ArgoBootstrapProps {
  readonly environment: string;
  readonly url: string;
  readonly branch: string;
  /** Argo CD project. @default 'default' */
  readonly project?: string;
  /** Destination cluster API server. @default 'https://kubernetes.default.svc' */
  readonly server?: string;
  /**
   * Folders under `_platform/` whose kinds need the platform's CRDs (a profile's Kyverno policies): one
   * Application each, sync-wave 0, skipping the dry run while the CRD is missing and retrying. @default []
   */
  readonly afterPlatform?: readonly string[];
}

const SYNC = { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=false'] };

export function renderArgoBootstrap(props: ArgoBootstrapProps): KubeObject[] {
  assertDnsLabel('environment', props.environment);
  const env = props.environment;
  const labels = { [LABEL.managedBy]: MANAGED_BY, [LABEL.environment]: env };
  const server = props.server ?? 'https://kubernetes.default.svc';
  const project = props.project ?? 'default';
  const platform = new Application({
    metadata: { name: `${env}-platform`, namespace: ARGOCD_NAMESPACE, labels, annotations: { 'argocd.argoproj.io/sync-wave': '-1' } },
    spec: { project, source: { repoURL: props.url, targetRevision: props.branch, path: `environments/${env}/_platform` }, destination: { server }, syncPolicy: SYNC },
  });
  const after = [...(props.afterPlatform ?? [])].sort().map((folder) => new Application({
    metadata: { name: `${env}-${folder}`, namespace: ARGOCD_NAMESPACE, labels, annotations: { 'argocd.argoproj.io/sync-wave': '0' } },
    spec: {
      project,
      source: { repoURL: props.url, targetRevision: props.branch, path: `environments/${env}/_platform/${folder}` },
      destination: { server },
      syncPolicy: { ...SYNC, syncOptions: [...SYNC.syncOptions, 'SkipDryRunOnMissingResource=true'], retry: { limit: 10, backoff: { duration: '30s', factor: 2, maxDuration: '10m' } } },
    },
  }));
  const namespaces = new ApplicationSet({
    metadata: { name: `${env}-namespaces`, namespace: ARGOCD_NAMESPACE, labels },
    spec: {
      generators: [{ git: { repoURL: props.url, revision: props.branch, directories: [{ path: `environments/${env}/*` }, { path: `environments/${env}/_*`, exclude: true }] } }],
      template: {
        metadata: { name: `${env}-{{path.basename}}`, labels },
        spec: { project, source: { repoURL: props.url, targetRevision: props.branch, path: '{{path}}' }, destination: { server, namespace: '{{path.basename}}' }, syncPolicy: SYNC },
      },
    },
  });
  return [platform, ...after, namespaces];
}
