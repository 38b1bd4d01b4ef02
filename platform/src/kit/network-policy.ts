/**
 * The NetworkPolicy that lets traffic reach an http service's port: from its own namespace and from
 * the namespaces it lists in `allowFrom`. Everything else stays denied by the tenant's default-deny.
 */
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { INetworkPolicyPeer } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer';
import type { IdentityProps } from './labels';
import { selectorLabels, serviceMetadata } from './labels';

/** The label every namespace carries with its own name (set by Kubernetes). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface IngressPolicyProps extends IdentityProps {
  /** Container port to open. */
  readonly port: number;
  /** Other namespaces allowed in. @default [] */
  readonly allowFrom?: readonly string[];
}

/** One peer per namespace, sorted and without duplicates. */
export function namespacePeers(namespaces: readonly string[]): INetworkPolicyPeer[] {
  return [...new Set(namespaces)].sort().map((ns) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: ns } } }));
}

/** Build the ingress NetworkPolicy of an http service. */
export function ingressPolicy(props: IngressPolicyProps): NetworkPolicy {
  return new NetworkPolicy({
    metadata: serviceMetadata(props),
    spec: {
      podSelector: { matchLabels: selectorLabels(props) },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: namespacePeers([props.namespace, ...(props.allowFrom ?? [])]),
          ports: [{ protocol: 'TCP', port: props.port }],
        },
      ],
    },
  });
}
