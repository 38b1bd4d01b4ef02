/**
 * The platform's security defaults for pods and containers (the `restricted` Pod Security Standard).
 */
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { ISecurityContext } from 'kubernetes-models/v1/SecurityContext';

/** The numeric user and group every service container runs as (not root, not a name the image must resolve). */
export const SERVICE_UID = 10001;

/** Pod-level security context. */
export function podSecurityContext(): IPodSecurityContext {
  return { runAsNonRoot: true, runAsUser: SERVICE_UID, runAsGroup: SERVICE_UID, fsGroup: SERVICE_UID, seccompProfile: { type: 'RuntimeDefault' } };
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
