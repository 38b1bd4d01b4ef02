import { describe, expect, it } from 'vitest';
import { renderPlatform } from './platform';
import { listProfiles } from '../profiles';
import { checkObject } from '../kit/check';
import { KitError } from '../errors';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function render(profiles: string[] = []): Json[] {
  return JSON.parse(JSON.stringify(renderPlatform({ environment: 'staging', profiles })));
}

describe('renderPlatform', () => {
  it('renders the base layer without profiles: platform objects, then chart sources and add-ons', () => {
    expect(render().map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      'Namespace/eleventh-system',
      'PriorityClass/eleventh-service',
      'ClusterRole/eleventh-tenant',
      'HelmRepository/external-secrets',
      'HelmRepository/jetstack',
      'HelmRepository/kyverno',
      'HelmRepository/prometheus-community',
      'HelmRepository/traefik',
      'HelmRelease/kube-prometheus-stack',
      'HelmRelease/cert-manager',
      'HelmRelease/traefik',
      'HelmRelease/external-secrets',
      'HelmRelease/kyverno',
      'HelmRelease/kyverno-policies',
    ]);
  });

  it('gives tenants namespaced read access, pod restarts and job runs, but no secrets or exec', () => {
    const role = render().find((o) => o.kind === 'ClusterRole');
    const resources = role.rules.flatMap((r: Json) => r.resources);
    expect(resources).toContain('pods/log');
    expect(resources).not.toContain('secrets');
    expect(resources).not.toContain('pods/exec');
    expect(role.rules).toContainEqual({ apiGroups: [''], resources: ['pods'], verbs: ['delete'] });
  });

  it('lists the shipped profiles, sorted', () => {
    expect(listProfiles()).toEqual(['observability', 'payments-compliance']);
  });

  it('adds each selected profile after the base, in the listed order', () => {
    const objects = render(['payments-compliance', 'observability']);
    const layers = objects.filter((o) => o.kind !== 'ClusterPolicy').map((o) => o.metadata.labels['eleventh.dev/layer']);
    const baseCount = render().length;
    expect(layers.slice(0, baseCount)).toEqual(Array(baseCount).fill('base'));
    expect(layers.indexOf('payments-compliance')).toBe(baseCount);
    expect(layers.indexOf('observability')).toBeGreaterThan(layers.lastIndexOf('payments-compliance'));
    // policies come last, once every layer (Kyverno's CRDs included) is in
    expect(objects.slice(-1).map((o) => o.kind)).toEqual(['ClusterPolicy']);
  });

  it('observability brings its namespace, scraper identity, metrics reader role and blackbox probes', () => {
    const names = render(['observability']).slice(render().length).map((o) => `${o.kind}/${o.metadata.name}`);
    expect(names).toEqual([
      'Namespace/observability',
      'ServiceAccount/metrics-scraper',
      'ClusterRole/eleventh-metrics-reader',
      'ClusterRoleBinding/metrics-scraper',
      'ConfigMap/scrape-defaults',
      'NetworkPolicy/default-deny-ingress',
      'HelmRepository/observability-prometheus-community',
      'HelmRelease/observability-blackbox-exporter',
    ]);
  });

  it('payments-compliance brings an isolated audit namespace and a read-only auditor role', () => {
    const objects = render(['payments-compliance']).slice(render().length);
    const ns = objects.find((o) => o.kind === 'Namespace');
    expect(ns.metadata.labels['eleventh.dev/compliance']).toBe('pci-dss');
    const role = objects.find((o) => o.kind === 'ClusterRole');
    expect(role.metadata.name).toBe('eleventh-auditor');
    expect(role.rules.flatMap((r: Json) => r.verbs)).not.toContain('delete');
    expect(role.rules.flatMap((r: Json) => r.resources)).not.toContain('secrets');
    expect(objects.find((o) => o.kind === 'NetworkPolicy').spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  it('every object of the base and every profile passes checkObject', () => {
    expect(renderPlatform({ environment: 'prod', profiles: listProfiles() }).flatMap(checkObject)).toEqual([]);
  });

  it('rejects an unknown profile, listing the known ones', () => {
    const run = () => renderPlatform({ environment: 'staging', profiles: ['observabilty'] });
    expect(run).toThrow(KitError);
    expect(run).toThrow("unknown profile 'observabilty' (expected one of: observability, payments-compliance)");
  });

  it('rejects a profile listed twice', () => {
    expect(() => renderPlatform({ environment: 'staging', profiles: ['observability', 'observability'] })).toThrow(
      "profile 'observability' is listed twice",
    );
  });

  it('is deterministic', () => {
    expect(render(listProfiles())).toEqual(render(listProfiles()));
  });
});
