/**
 * Namespace `eleventh-system`: where the platform's own components run.
 */
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { platformLabels } from './labels';

/** Name of the platform's namespace. */
export const SYSTEM_NAMESPACE = 'eleventh-system';

export interface SystemNamespaceProps {
  /** Environment the namespace is rendered for. */
  readonly environment: string;
}

/** Build the Namespace. */
export function systemNamespace(props: SystemNamespaceProps): Namespace {
  return new Namespace({
    metadata: {
      name: SYSTEM_NAMESPACE,
      labels: { ...platformLabels('base', props.environment), 'pod-security.kubernetes.io/enforce': 'restricted' },
    },
  });
}
