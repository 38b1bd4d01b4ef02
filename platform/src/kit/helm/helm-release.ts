/**
 * A HelmRelease: one chart at one exact version from a HelmRepository, installed into its own namespace,
 * released only after the releases it `dependsOn` are ready (so CRDs exist before what uses them).
 * Releases live in flux-system (with their sources) and target their namespace, so `dependsOn` never
 * crosses namespaces and one folder holds a layer.
 */
import { KitError, show } from '../../errors';
import { FLUX_NAMESPACE } from '../flux';
import { assertDnsLabel } from '../names';
import { assertExactVersion } from './chart-version';
import { HelmRelease } from './flux-models';

export interface HelmReleaseProps {
  /** Object name in flux-system (a DNS label; unique across the environment's layers). */
  readonly name: string;
  /** Helm release name in the cluster. @default the chart name */
  readonly releaseName?: string;
  /** Namespace the chart is installed into (created when missing). */
  readonly targetNamespace: string;
  /** Chart name in the repository. */
  readonly chart: string;
  /** Exact chart version: ranges are refused. */
  readonly version: string;
  /** The HelmRepository (in flux-system) the chart comes from. */
  readonly repository: string;
  /** Names of HelmReleases (in flux-system) that must be ready first. */
  readonly dependsOn?: readonly string[];
  /** Chart values (plain JSON). */
  readonly values?: Readonly<Record<string, unknown>>;
  readonly labels: Readonly<Record<string, string>>;
  /** @default '30m' */
  readonly interval?: string;
  /** How long one install/upgrade may take. @default '10m' */
  readonly timeout?: string;
}

/** Build the HelmRelease; throws a KitError for a version range, a bad name or a self-dependency. */
export function renderHelmRelease(props: HelmReleaseProps): HelmRelease {
  assertDnsLabel('release name', props.name);
  assertDnsLabel('target namespace', props.targetNamespace);
  assertExactVersion(`'${props.name}'`, props.version);
  const dependsOn = [...new Set(props.dependsOn ?? [])].sort();
  if (dependsOn.includes(props.name)) throw new KitError(`release '${props.name}' depends on itself`, 'dependsOn naming other releases');
  for (const dep of dependsOn) assertDnsLabel(`dependsOn of '${props.name}'`, dep);
  const releaseName = props.releaseName ?? props.chart;
  if (releaseName.length > 53) throw new KitError(`Helm release name ${show(releaseName)} is longer than 53 characters`, 'a shorter releaseName');
  return new HelmRelease({
    metadata: { name: props.name, namespace: FLUX_NAMESPACE, labels: { ...props.labels } },
    spec: {
      interval: props.interval ?? '30m',
      timeout: props.timeout ?? '10m',
      releaseName,
      targetNamespace: props.targetNamespace,
      storageNamespace: props.targetNamespace,
      chart: {
        spec: {
          chart: props.chart,
          version: props.version,
          reconcileStrategy: 'ChartVersion',
          sourceRef: { kind: 'HelmRepository', name: props.repository, namespace: FLUX_NAMESPACE },
        },
      },
      ...(dependsOn.length > 0 ? { dependsOn: dependsOn.map((name) => ({ name, namespace: FLUX_NAMESPACE })) } : {}),
      install: { createNamespace: true, crds: 'CreateReplace', remediation: { retries: 3 } },
      upgrade: { crds: 'CreateReplace', cleanupOnFail: true, remediation: { retries: 3, remediateLastFailure: true } },
      driftDetection: { mode: 'enabled' },
      values: { ...(props.values ?? {}) },
    },
  });
}
