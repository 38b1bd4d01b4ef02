/**
 * The tenant's NetworkPolicies: `default-deny` (no ingress; egress only to DNS in kube-system and
 * within the namespace), `allow-tenants` (ingress from `allowFrom`) and `allow-egress` (to `egressTo`).
 */
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { TenantContext } from '../types';
import { NAMESPACE_NAME_LABEL, namespacePeers } from '../network-policy';
import { tenantMetadata } from './labels';

export type TenantNetworkProps = TenantContext;

/** Build `default-deny`. */
export function defaultDeny(props: TenantNetworkProps): NetworkPolicy {
  return new NetworkPolicy({
    metadata: tenantMetadata(props, 'default-deny'),
    spec: {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } } }],
          ports: [
            { protocol: 'UDP', port: 53 },
            { protocol: 'TCP', port: 53 },
          ],
        },
        { to: [{ podSelector: {} }] },
      ],
    },
  });
}

/** Build `allow-tenants`, or nothing when `allowFrom` is empty. */
export function allowTenants(props: TenantNetworkProps): NetworkPolicy[] {
  if (props.allowFrom.length === 0) return [];
  return [
    new NetworkPolicy({
      metadata: tenantMetadata(props, 'allow-tenants'),
      spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: namespacePeers(props.allowFrom) }] },
    }),
  ];
}

/** Build `allow-egress`, or nothing when `egressTo` is empty. */
export function allowEgress(props: TenantNetworkProps): NetworkPolicy[] {
  const targets = props.egressTo ?? [];
  if (targets.length === 0) return [];
  return [
    new NetworkPolicy({
      metadata: tenantMetadata(props, 'allow-egress'),
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: namespacePeers(targets) }] },
    }),
  ];
}
