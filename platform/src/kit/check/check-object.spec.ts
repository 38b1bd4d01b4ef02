import { describe, expect, it } from 'vitest';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization';
import { checkObject } from './check-object';
import { findUnknownFields } from './unknown-fields';
import { editDistance, nearest } from '../../suggest';

function deployment(extra: { spec?: unknown; podSpec?: Record<string, unknown>; container?: Record<string, unknown> } = {}) {
  return new Deployment({
    metadata: { name: 'x', namespace: 'payments' },
    spec: {
      selector: { matchLabels: { app: 'x' } },
      template: {
        metadata: { labels: { app: 'x' } },
        spec: { containers: [{ name: 'x', image: 'i', ...extra.container }], ...extra.podSpec },
      },
      ...(extra.spec as object),
    },
  } as never);
}

describe('checkObject: unknown fields', () => {
  it('finds nothing wrong in a correct object', () => {
    expect(checkObject(deployment())).toEqual([]);
  });

  it('remembers clean shapes without hiding an unknown field in a later object of the same kind', () => {
    expect(checkObject(deployment())).toEqual([]);
    expect(checkObject(deployment())).toEqual([]);
    const bad = deployment({ podSpec: { containrs: [] } });
    expect(checkObject(bad, JSON.parse(JSON.stringify(bad)))).toEqual([
      "Deployment payments/x: unknown field 'spec.template.spec.containrs' (did you mean 'containers'?)",
    ]);
    expect(checkObject(bad)).toHaveLength(1);
  });

  it('reports an unknown top-level field (depth 1)', () => {
    const cm = new ConfigMap({ metadata: { name: 'c', namespace: 'payments' }, dat: { a: 'b' } } as never);
    expect(checkObject(cm)).toEqual(["ConfigMap payments/c: unknown field 'dat' (did you mean 'data'?)"]);
  });

  it('reports a deep unknown field with a suggestion', () => {
    const d = deployment({ podSpec: { containrs: [] } });
    expect(checkObject(d)).toEqual(["Deployment payments/x: unknown field 'spec.template.spec.containrs' (did you mean 'containers'?)"]);
  });

  it('reports unknown fields inside list items, with the index', () => {
    const d = deployment({ container: { imagePullPolicyy: 'Always', resources: { request: { cpu: '1' } } } });
    expect(checkObject(d)).toEqual([
      "Deployment payments/x: unknown field 'spec.template.spec.containers[0].imagePullPolicyy' (did you mean 'imagePullPolicy'?)",
      "Deployment payments/x: unknown field 'spec.template.spec.containers[0].resources.request' (did you mean 'requests'?)",
    ]);
  });

  it('reports every unknown field, not only the first', () => {
    const d = deployment({ spec: { replica: 2 }, podSpec: { volumez: [] } });
    expect(findUnknownFields(d).map((f) => f.path)).toEqual(['spec.template.spec.volumez', 'spec.replica']);
  });

  it('says nothing about a guess when nothing is close', () => {
    const d = deployment({ podSpec: { frobnicate: true } });
    expect(checkObject(d)).toEqual(["Deployment payments/x: unknown field 'spec.template.spec.frobnicate'"]);
  });

  it('accepts any keys in maps (labels, data)', () => {
    const cm = new ConfigMap({ metadata: { name: 'c', labels: { 'a.b/c': 'd' } }, data: { anything: 'x' } });
    expect(checkObject(cm)).toEqual([]);
  });

  it('checks Flux CRD models too', () => {
    const k = new Kustomization({
      metadata: { name: 'k', namespace: 'flux-system' },
      spec: { interval: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'x' }, pruen: true },
    } as never);
    expect(checkObject(k)).toEqual(["Kustomization flux-system/k: unknown field 'spec.pruen' (did you mean 'prune'?)"]);
  });
});

describe('checkObject: schema and names', () => {
  it('collects the validate() message', () => {
    const d = deployment({ spec: { replicas: 'two' } });
    const findings = checkObject(d);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^Deployment payments\/x: data\/spec\/replicas must be integer/);
  });

  it('rejects a name that is not a DNS-1123 subdomain', () => {
    const cm = new ConfigMap({ metadata: { name: 'Bad_Name', namespace: 'payments' } });
    expect(checkObject(cm)).toEqual(["ConfigMap payments/Bad_Name: metadata.name 'Bad_Name' is not a valid DNS-1123 subdomain"]);
  });

  it('accepts dots in subdomain names but not in Service or Namespace names', () => {
    expect(checkObject(new ConfigMap({ metadata: { name: 'a.b', namespace: 'p' } }))).toEqual([]);
    expect(checkObject(new Service({ metadata: { name: 'a.b', namespace: 'p' } }))).toEqual([
      "Service p/a.b: metadata.name 'a.b' is not a valid DNS-1123 label",
    ]);
    expect(checkObject(new Namespace({ metadata: { name: 'a.b' } }))).toEqual(["Namespace a.b: metadata.name 'a.b' is not a valid DNS-1123 label"]);
  });

  it('rejects a bad namespace and a missing name', () => {
    const cm = new ConfigMap({ metadata: { namespace: 'Payments' } });
    expect(checkObject(cm)).toEqual([
      'ConfigMap Payments/<unnamed>: metadata.name is missing',
      "ConfigMap Payments/<unnamed>: metadata.namespace 'Payments' is not a valid DNS-1123 label",
    ]);
  });

  it('allows RBAC names with colons', () => {
    expect(checkObject(new ClusterRole({ metadata: { name: 'eleventh:tenant' } }))).toEqual([]);
  });

  it('rejects a name longer than 253 characters', () => {
    const name = 'a'.repeat(254);
    expect(checkObject(new ConfigMap({ metadata: { name, namespace: 'p' } }))).toHaveLength(1);
  });
});

describe('nearest (the one did-you-mean, platform/src/suggest.ts)', () => {
  it.each([
    ['containrs', ['containers', 'volumes'], 'containers'],
    ['replica', ['replicas', 'selector'], 'replicas'],
    ['xyz', ['replicas', 'selector'], undefined],
  ] as const)('%s → %s', (word, candidates, expected) => {
    expect(nearest(word, candidates)).toBe(expected);
  });
});

describe('editDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('pruen', 'prune')).toBe(1);
    expect(editDistance('containrs', 'containers')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('replcias', 'replicas')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
