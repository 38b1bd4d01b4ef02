/** The Flux GitRepository every Kustomization of one environment reads: this repository, one branch. */
import { GitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository';
import { KitError, show } from '../../errors';
import { DEFAULT_SOURCE_NAME, FLUX_NAMESPACE } from '../flux';
import { LABEL, MANAGED_BY } from '../labels';
import { assertDnsLabel } from '../names';
import type { KubeObject } from '../types';

export interface GitSourceProps {
  /** The environment (a DNS label). */
  readonly environment: string;
  /** Clone URL (`https://…`, `ssh://…` or `git@host:path`). */
  readonly url: string;
  /** Branch Flux follows. */
  readonly branch: string;
  /** Name of the GitRepository. @default 'eleventh' */
  readonly sourceName?: string;
  /** Secret in flux-system holding the credentials, when the repository is private. */
  readonly secretName?: string;
  /**
   * Flux verifies the OpenPGP signature of what it pulls (`spec.verify`): `secretRef` names a Secret in
   * flux-system whose data holds the trusted public keys (one armored key per `*.asc` entry).
   */
  readonly verify?: { readonly mode: 'HEAD' | 'Tag' | 'TagAndHEAD'; readonly secretRef: string };
}

const URL = /^(https?:\/\/|ssh:\/\/|git@[^:]+:)\S+$/;

export function renderGitRepository(props: GitSourceProps): KubeObject {
  assertDnsLabel('environment', props.environment);
  if (typeof props.url !== 'string' || !URL.test(props.url)) {
    throw new KitError(`'cluster.git.url' (${show(props.url)}) is not a git URL`, "'https://…', 'ssh://…' or 'git@host:path'");
  }
  if (typeof props.branch !== 'string' || props.branch.trim() === '') throw new KitError(`'cluster.git.branch' (${show(props.branch)}) is empty`, 'a branch name, e.g. main');
  return new GitRepository({
    metadata: { name: props.sourceName ?? DEFAULT_SOURCE_NAME, namespace: FLUX_NAMESPACE, labels: { [LABEL.managedBy]: MANAGED_BY, [LABEL.environment]: props.environment } },
    spec: {
      interval: '1m',
      url: props.url,
      ref: { branch: props.branch },
      ...(props.secretName ? { secretRef: { name: props.secretName } } : {}),
      ...(props.verify ? { verify: { mode: props.verify.mode, secretRef: { name: props.verify.secretRef } } } : {}),
      // Only this environment's folder reaches the cluster (gitignore syntax: re-include each level).
      ignore: ['/*', '!/environments/', '/environments/*', `!/environments/${props.environment}/`].join('\n'),
    },
  });
}
