/**
 * The platform's security defaults for pods and containers (the `restricted` Pod Security Standard).
 */
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';

/** Pod-level security context. */
export function podSecurityContext(): IPodSecurityContext {
  return { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };
}

/** Container-level security context. */
export function containerSecurityContext(): ISecurityContext {
  return {
    runAsNonRoot: true,
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  };
}
