import { describe, expect, it } from 'vitest';
import { renderTenant } from './tenant';
import type { TenantContext } from './types';
import { checkObject } from './check';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const tenant: TenantContext = {
  environment: 'staging',
  namespace: 'payments',
  team: 'payments-team',
  quota: { cpu: '8', memory: '16Gi', pods: 50 },
  allowFrom: ['web', 'checkout'],
};

function render(ctx: Partial<TenantContext> = {}): Json[] {
  return JSON.parse(JSON.stringify(renderTenant({ ...tenant, ...ctx })));
}

function named(objects: Json[], kind: string, name?: string): Json {
  return objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
}

describe('renderTenant', () => {
  it('renders the namespace base in a fixed order', () => {
    expect(render().map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/payments',
      'ResourceQuota/tenant-quota',
      'LimitRange/tenant-limits',
      'NetworkPolicy/default-deny',
      'NetworkPolicy/allow-tenants',
      'RoleBinding/payments-team-developers',
    ]);
  });

  it('labels the Namespace with its team and enforces the restricted pod security standard', () => {
    const labels = named(render(), 'Namespace').metadata.labels;
    expect(labels['eleventh.dev/team']).toBe('payments-team');
    expect(labels['app.kubernetes.io/managed-by']).toBe('eleventh');
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('namespaces every other object', () => {
    expect(render().slice(1).map((o) => o.metadata.namespace)).toEqual(Array(5).fill('payments'));
  });

  it('turns quota into requests.cpu, requests.memory and pods', () => {
    expect(named(render({ quota: { cpu: '4', memory: '8Gi', pods: 20 } }), 'ResourceQuota').spec.hard).toEqual({
      'requests.cpu': '4',
      'requests.memory': '8Gi',
      pods: '20',
    });
  });

  it('gives containers default requests and limits', () => {
    expect(named(render(), 'LimitRange').spec.limits).toEqual([
      { type: 'Container', defaultRequest: { cpu: '100m', memory: '128Mi' }, default: { cpu: '500m', memory: '256Mi' } },
    ]);
    const custom = { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '1', memory: '512Mi' } };
    expect(named(render({ containerDefaults: custom }), 'LimitRange').spec.limits[0].default).toEqual({ cpu: '1', memory: '512Mi' });
  });

  it('denies all ingress and egress except DNS to kube-system and traffic within the namespace', () => {
    const spec = named(render(), 'NetworkPolicy', 'default-deny').spec;
    expect(spec.podSelector).toEqual({});
    expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(spec.ingress).toBeUndefined();
    expect(spec.egress).toEqual([
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
        ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
      },
      { to: [{ podSelector: {} }] },
    ]);
  });

  it('allows ingress from allowFrom namespaces, sorted', () => {
    expect(named(render(), 'NetworkPolicy', 'allow-tenants').spec.ingress).toEqual([
      {
        from: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'checkout' } } },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'web' } } },
        ],
      },
    ]);
  });

  it('renders no allow-tenants policy when allowFrom is empty', () => {
    expect(named(render({ allowFrom: [] }), 'NetworkPolicy', 'allow-tenants')).toBeUndefined();
  });

  it('renders allow-egress only when egressTo is given', () => {
    expect(named(render(), 'NetworkPolicy', 'allow-egress')).toBeUndefined();
    const egress = named(render({ egressTo: ['ledger'] }), 'NetworkPolicy', 'allow-egress');
    expect(egress.spec.egress).toEqual([{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ledger' } } }] }]);
  });

  it('binds the team group to the eleventh-tenant ClusterRole', () => {
    const rb = named(render(), 'RoleBinding');
    expect(rb.subjects).toEqual([{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'payments-team' }]);
    expect(rb.roleRef).toEqual({ kind: 'ClusterRole', apiGroup: 'rbac.authorization.k8s.io', name: 'eleventh-tenant' });
  });

  it('binds a group name with a slash and labels it as a valid label value', () => {
    const objects = render({ team: 'acme/Payments-Team' });
    expect(named(objects, 'RoleBinding').subjects[0].name).toBe('acme/Payments-Team');
    expect(named(objects, 'RoleBinding').metadata.name).toBe('acme-payments-team-developers');
    expect(named(objects, 'Namespace').metadata.labels['eleventh.dev/team']).toBe('acme-payments-team');
    expect(renderTenant({ ...tenant, team: 'acme/Payments-Team' }).flatMap(checkObject)).toEqual([]);
  });

  it('passes checkObject', () => {
    expect(renderTenant({ ...tenant, egressTo: ['ledger'] }).flatMap(checkObject)).toEqual([]);
  });

  it.each([
    [{ namespace: '_platform' }, "'namespace' ('_platform') is not a DNS-1123 label"],
    [{ team: 'payments team' }, "'team' ('payments team') is not a group name"],
    [{ allowFrom: ['ok', 'NO'] }, "'network.allowFrom[1]' ('NO') is not a DNS-1123 label"],
    [{ quota: { cpu: '', memory: '1Gi', pods: 1 } }, "'quota.cpu' ('') is not a quantity"],
    [{ quota: { cpu: '1', memory: '1Gi', pods: 1.5 } }, "'quota.pods' (1.5) is not a pod count (expected an integer ≥ 0)"],
  ] as const)('rejects %j', (patch, message) => {
    expect(() => renderTenant({ ...tenant, ...(patch as Partial<TenantContext>) })).toThrow(message);
  });
});
