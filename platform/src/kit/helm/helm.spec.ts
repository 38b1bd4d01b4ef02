import { describe, expect, it } from 'vitest';
import { checkObject } from '../check';
import { renderHelmRelease, renderHelmRepository, renderOciRepository, isExactVersion } from '.';

const labels = { 'app.kubernetes.io/managed-by': 'eleventh' };
const release = (over: Partial<Parameters<typeof renderHelmRelease>[0]> = {}) =>
  renderHelmRelease({ name: 'cert-manager', targetNamespace: 'cert-manager', chart: 'cert-manager', version: 'v1.21.1', repository: 'jetstack', labels, ...over });

describe('HelmRelease builder', () => {
  it('renders a GA HelmRelease that validates against the Flux model and has no unknown fields', () => {
    const hr = release({ dependsOn: ['kube-prometheus-stack'], values: { crds: { enabled: true } } });
    expect(hr.apiVersion).toBe('helm.toolkit.fluxcd.io/v2');
    expect(() => hr.validate()).not.toThrow();
    expect(checkObject(hr)).toEqual([]);
    expect(hr.spec?.chart.spec).toEqual({ chart: 'cert-manager', version: 'v1.21.1', reconcileStrategy: 'ChartVersion', sourceRef: { kind: 'HelmRepository', name: 'jetstack', namespace: 'flux-system' } });
    expect(hr.spec?.dependsOn).toEqual([{ name: 'kube-prometheus-stack', namespace: 'flux-system' }]);
    expect(hr.spec?.install).toMatchObject({ createNamespace: true, crds: 'CreateReplace' });
    expect(hr.spec?.targetNamespace).toBe('cert-manager');
  });

  it('the model catches a wrong field: validate() on a bad enum, checkObject on an unknown key', () => {
    const hr = release();
    (hr.spec!.install as Record<string, unknown>).crds = 'Always';
    expect(() => hr.validate()).toThrow();
    const typo = release();
    (typo.spec!.chart.spec as Record<string, unknown>).verison = '1.0.0';
    expect(checkObject(typo)).toEqual(["HelmRelease flux-system/cert-manager: unknown field 'spec.chart.spec.verison' (did you mean 'version'?)"]);
  });

  it.each(['^1.2.0', '~1', '>=1.0.0', '1.x', '*', '1.2', 'latest', '1.2.3 || 2.0.0'])('refuses the version %s', (version) => {
    expect(() => release({ version })).toThrow(`chart version '${version}' of 'cert-manager' is`);
    expect(() => release({ version })).toThrow('(expected an exact chart version such as 1.21.1 or v1.21.1 (no ranges: ^, ~, >=, x, *))');
  });

  it('says a range is a range', () => {
    expect(() => release({ version: '^1.2.0' })).toThrow("chart version '^1.2.0' of 'cert-manager' is a version range");
  });

  it.each(['1.21.1', 'v1.21.1', '40.0.0', '2.0.0-rc.1', '1.0.0+build.5'])('accepts the exact version %s', (version) => {
    expect(isExactVersion(version)).toBe(true);
    expect(release({ version }).spec?.chart.spec.version).toBe(version);
  });

  it('refuses a self-dependency and a bad name', () => {
    expect(() => release({ dependsOn: ['cert-manager'] })).toThrow("release 'cert-manager' depends on itself");
    expect(() => release({ name: 'Cert_Manager' })).toThrow("'release name' ('Cert_Manager') is not a DNS-1123 label");
  });
});

describe('chart sources', () => {
  it('an https index and an oci registry are HelmRepositories (type oci for the latter), both valid', () => {
    const https = renderHelmRepository({ name: 'jetstack', url: 'https://charts.jetstack.io', labels });
    const oci = renderHelmRepository({ name: 'prometheus-community', url: 'oci://ghcr.io/prometheus-community/charts', labels });
    expect(https.apiVersion).toBe('source.toolkit.fluxcd.io/v1');
    expect(https.spec).toEqual({ interval: '24h', url: 'https://charts.jetstack.io' });
    expect(oci.spec).toEqual({ interval: '24h', url: 'oci://ghcr.io/prometheus-community/charts', type: 'oci' });
    expect([...checkObject(https), ...checkObject(oci)]).toEqual([]);
    expect(() => renderHelmRepository({ name: 'x', url: 'http://insecure.example', labels })).toThrow("chart repository URL 'http://insecure.example' of 'x' is neither https:// nor oci://");
  });

  it('an OCIRepository is pinned to one exact tag', () => {
    const repo = renderOciRepository({ name: 'podinfo', url: 'oci://ghcr.io/stefanprodan/manifests/podinfo', tag: '6.9.0', labels });
    expect(repo.apiVersion).toBe('source.toolkit.fluxcd.io/v1');
    expect(repo.spec?.ref).toEqual({ tag: '6.9.0' });
    expect(checkObject(repo)).toEqual([]);
    expect(() => renderOciRepository({ name: 'podinfo', url: 'oci://ghcr.io/x', tag: 'latest', labels })).toThrow("OCI tag 'latest' of 'podinfo' is not an exact tag");
  });
});
