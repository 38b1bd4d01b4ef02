import { describe, expect, it } from 'vitest';
import { checkObject } from '../kit/check';
import { renderPlatformLayers, listAddons } from '../layers/platform';
import type { KubeObject } from '../kit/types';
import { defineAddon } from './addon';
import { renderAddonLayer } from './render-addons';

type Release = KubeObject & { spec: { chart: { spec: { version: string; sourceRef: { name: string } } }; dependsOn?: Array<{ name: string }>; values: Record<string, unknown> } };
const releases = (objects: readonly KubeObject[]) => objects.filter((o): o is Release => o.kind === 'HelmRelease');
const names = (objects: readonly KubeObject[], kind: string) => objects.filter((o) => o.kind === kind).map((o) => o.metadata!.name);
const base = (addons = {}) => renderPlatformLayers({ environment: 'staging', profiles: [], addons })[0].objects;

describe('base add-ons', () => {
  it('every environment gets the base cluster as pinned HelmReleases, each from its repository', () => {
    const objects = base();
    expect(names(objects, 'HelmRelease')).toEqual(['kube-prometheus-stack', 'cert-manager', 'traefik', 'external-secrets', 'kyverno', 'kyverno-policies']);
    expect(names(objects, 'HelmRepository')).toEqual(['external-secrets', 'jetstack', 'kyverno', 'prometheus-community', 'traefik']);
    for (const o of objects) expect(checkObject(o)).toEqual([]);
    const versions = Object.fromEntries(releases(objects).map((r) => [r.metadata!.name, r.spec.chart.spec.version]));
    expect(versions).toEqual({ 'kube-prometheus-stack': '87.12.5', 'cert-manager': 'v1.21.1', traefik: '40.0.0', 'external-secrets': '2.13.0', kyverno: '3.9.2', 'kyverno-policies': '3.9.2' });
  });

  it('dependsOn orders CRDs first: policies after kyverno, monitored releases after kube-prometheus-stack', () => {
    const deps = Object.fromEntries(releases(base()).map((r) => [r.metadata!.name, (r.spec.dependsOn ?? []).map((d) => d.name)]));
    expect(deps['kyverno-policies']).toEqual(['kyverno']);
    expect(deps['cert-manager']).toEqual(['kube-prometheus-stack']);
    expect(deps['kube-prometheus-stack']).toEqual([]);
  });

  it('turning kube-prometheus-stack off drops the optional dependencies and the ServiceMonitors with them', () => {
    const objects = base({ 'kube-prometheus-stack': { enabled: false } });
    expect(names(objects, 'HelmRelease')).not.toContain('kube-prometheus-stack');
    expect(names(objects, 'HelmRepository')).not.toContain('prometheus-community');
    const cm = releases(objects).find((r) => r.metadata!.name === 'cert-manager')!;
    expect(cm.spec.dependsOn).toBeUndefined();
    expect(cm.spec.values.prometheus).toEqual({ enabled: false, servicemonitor: { enabled: false } });
  });

  it('a required dependency cannot be turned off alone', () => {
    expect(() => base({ kyverno: { enabled: false } })).toThrow("add-on 'kyverno-policies' needs 'kyverno', which is turned off (expected 'kyverno' enabled, or 'kyverno-policies' turned off too)");
    expect(names(base({ kyverno: { enabled: false }, 'kyverno-policies': { enabled: false } }), 'HelmRelease')).not.toContain('kyverno');
  });

  it('an environment may pin another exact version, never a range', () => {
    const cm = releases(base({ 'cert-manager': { version: 'v1.21.2' } })).find((r) => r.metadata!.name === 'cert-manager')!;
    expect(cm.spec.chart.spec.version).toBe('v1.21.2');
    expect(() => base({ 'cert-manager': { version: '~1.21' } })).toThrow("chart version '~1.21' of 'cert-manager' is a version range");
  });

  it('an unknown add-on is refused, listing the known ones', () => {
    expect(() => base({ 'cert-manger': { enabled: false } })).toThrow("unknown add-on 'cert-manger' (expected one of: cert-manager, external-secrets,");
  });
});

describe('profiles', () => {
  const combos: string[][] = [[], ['observability'], ['payments-compliance'], ['observability', 'payments-compliance'], ['payments-compliance', 'observability']];
  it.each(combos.map((c) => [c.join('+') || 'none', c] as const))('%s renders without collision, each layer its own', (_label, profiles) => {
    const layers = renderPlatformLayers({ environment: 'prod', profiles });
    const policies = profiles.filter((p) => p === 'payments-compliance').map((p) => `${p}-policies`);
    expect(layers.map((l) => l.layer)).toEqual(['base', ...profiles, ...policies]);
    expect(layers.filter((l) => l.afterPlatform).map((l) => l.layer)).toEqual(policies);
    const ids = layers.flatMap((l) => l.objects.map((o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a profile's add-ons are named after it and may depend on the base's", () => {
    const obs = renderPlatformLayers({ environment: 'staging', profiles: ['observability'] })[1].objects;
    const [bb] = releases(obs);
    expect(bb.metadata!.name).toBe('observability-blackbox-exporter');
    expect(bb.spec.chart.spec.sourceRef.name).toBe('observability-prometheus-community');
    expect(bb.spec.dependsOn).toEqual([{ name: 'kube-prometheus-stack', namespace: 'flux-system' }]);
    expect(listAddons(['observability'])).toContain('observability-blackbox-exporter');
    expect(() => base({ 'observability-blackbox-exporter': { enabled: false } })).toThrow("unknown add-on 'observability-blackbox-exporter'");
  });

  it('two layers defining the same object is an error naming both', () => {
    const clash = { name: 'clash', description: 'x', render: () => renderPlatformLayers({ environment: 'qa', profiles: [] })[0].objects.slice(0, 1) };
    expect(() => renderPlatformLayers({ environment: 'qa', profiles: ['clash'], localProfiles: [clash] })).toThrow("layers 'base' and 'clash' both define Namespace eleventh-system");
  });

  it('unknown, repeated and reserved profiles are refused', () => {
    expect(() => renderPlatformLayers({ environment: 'qa', profiles: ['markets-risk'] })).toThrow("unknown profile 'markets-risk' (expected one of: observability, payments-compliance)");
    expect(() => renderPlatformLayers({ environment: 'qa', profiles: ['observability', 'observability'] })).toThrow("profile 'observability' is listed twice");
    expect(() => renderPlatformLayers({ environment: 'qa', profiles: ['base'] })).toThrow("profile name 'base' is reserved");
  });

  it("a repository's local profile is selectable beside the platform's", () => {
    const local = { name: 'markets-risk', description: 'x', render: () => [], addons: [] };
    expect(renderPlatformLayers({ environment: 'qa', profiles: ['markets-risk', 'observability'], localProfiles: [local] }).map((l) => l.layer)).toEqual(['base', 'markets-risk', 'observability']);
  });
});

describe('add-on layer', () => {
  const a = defineAddon({ name: 'a', description: '', chart: 'a', version: '1.0.0', repository: { name: 'r', url: 'https://r.example' }, namespace: 'a', dependsOn: [{ name: 'b' }], values: () => ({}) });
  const b = defineAddon({ name: 'b', description: '', chart: 'b', version: '1.0.0', repository: { name: 'r', url: 'https://r.example' }, namespace: 'b', dependsOn: [{ name: 'a' }], values: () => ({}) });
  it('refuses a dependency cycle', () => {
    expect(() => renderAddonLayer({ layer: 'p', environment: 'qa', definitions: [a, b], settings: {}, baseEnabled: new Set() })).toThrow("add-ons of 'p' depend on each other in a cycle: a → b → a");
  });
  it('one repository object per repository, named after the layer', () => {
    const solo = defineAddon({ ...a, dependsOn: [] } as never);
    const objects = renderAddonLayer({ layer: 'p', environment: 'qa', definitions: [solo], settings: {}, baseEnabled: new Set() });
    expect(objects.map((o) => `${o.kind}/${o.metadata!.name}`)).toEqual(['HelmRepository/p-r', 'HelmRelease/p-a']);
  });
});
