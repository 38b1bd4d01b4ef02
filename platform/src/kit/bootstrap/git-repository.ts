/** The Flux GitRepository every Kustomization of one environment reads: this repository, one branch. */
import { GitRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository';
import { KitError, show } from '../../errors';
import { DEFAULT_SOURCE_NAME, FLUX_NAMESPACE } from '../flux';
import { LABEL, MANAGED_BY } from '../labels';
import { assertDnsLabel } from '../names';
import { BRANCH_EXPECTED, branchProblem, GIT_URL_EXPECTED, gitUrlProblem } from '../../refs';
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

export function renderGitRepository(props: GitSourceProps): KubeObject {
  assertDnsLabel('environment', props.environment);
  const urlProblem = typeof props.url === 'string' ? gitUrlProblem(props.url) : 'is not a string';
  if (urlProblem !== undefined) throw new KitError(`'cluster.git.url' (${show(props.url)}) is not a git URL: it ${urlProblem}`, GIT_URL_EXPECTED);
  const branch = typeof props.branch === 'string' ? branchProblem(props.branch) : 'is not a string';
  if (branch !== undefined) throw new KitError(`'cluster.git.branch' (${show(props.branch)}) is not a branch name: it ${branch}`, BRANCH_EXPECTED);
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
