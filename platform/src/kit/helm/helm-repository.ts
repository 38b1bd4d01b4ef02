/**
 * Chart sources: a HelmRepository (an HTTPS chart index or, `type: oci`, a registry of charts) and an
 * OCIRepository (one OCI artifact at an exact tag or digest). Both live in flux-system beside the releases.
 */
import { KitError, show } from '../../errors';
import { FLUX_NAMESPACE } from '../flux';
import { assertDnsLabel } from '../names';
import { HelmRepository, OCIRepository } from './flux-models';

export interface HelmRepositoryProps {
  /** Object name in flux-system (a DNS label). */
  readonly name: string;
  /** `https://…` chart index, or `oci://…` registry path. */
  readonly url: string;
  /** Labels on the object. */
  readonly labels: Readonly<Record<string, string>>;
  /** How often Flux refreshes the index. @default '24h' (versions are exact; the index rarely matters) */
  readonly interval?: string;
}

const HTTPS = /^https:\/\/[^\s/]+(\/\S*)?$/;
const OCI = /^oci:\/\/[^\s/]+(\/\S*)?$/;

/** Build a HelmRepository; the URL decides its type (`oci://` → `type: oci`). */
export function renderHelmRepository(props: HelmRepositoryProps): HelmRepository {
  assertDnsLabel('repository name', props.name);
  const oci = OCI.test(props.url);
  if (!oci && !HTTPS.test(props.url)) throw new KitError(`chart repository URL ${show(props.url)} of '${props.name}' is neither https:// nor oci://`, "'https://host/path' or 'oci://host/path'");
  return new HelmRepository({
    metadata: { name: props.name, namespace: FLUX_NAMESPACE, labels: { ...props.labels } },
    spec: { interval: props.interval ?? '24h', url: props.url, ...(oci ? { type: 'oci' as const } : {}) },
  });
}

export interface OciRepositoryProps {
  /** Object name in flux-system (a DNS label). */
  readonly name: string;
  /** `oci://host/path` of the artifact. */
  readonly url: string;
  /** Exact tag (no ranges: OCIRepository would accept `semver`, we never set it). */
  readonly tag: string;
  readonly labels: Readonly<Record<string, string>>;
  /** @default '10m' */
  readonly interval?: string;
}

/** Build an OCIRepository pinned to one tag. */
export function renderOciRepository(props: OciRepositoryProps): OCIRepository {
  assertDnsLabel('repository name', props.name);
  if (!OCI.test(props.url)) throw new KitError(`OCI repository URL ${show(props.url)} of '${props.name}' is not oci://`, "'oci://host/path'");
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/.test(props.tag) || props.tag === 'latest') {
    throw new KitError(`OCI tag ${show(props.tag)} of '${props.name}' is not an exact tag`, "an exact tag such as '1.21.1' (not 'latest')");
  }
  return new OCIRepository({
    metadata: { name: props.name, namespace: FLUX_NAMESPACE, labels: { ...props.labels } },
    spec: { interval: props.interval ?? '10m', url: props.url, ref: { tag: props.tag } },
  });
}
