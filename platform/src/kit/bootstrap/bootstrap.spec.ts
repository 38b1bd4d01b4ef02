import { describe, expect, it } from 'vitest';
import { checkObject } from '../check';
import { renderArgoBootstrap, renderFluxBootstrap, renderGitRepository } from '.';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const props = { environment: 'prod', url: 'https://git.example.com/acme/platform.git', branch: 'main', namespaces: ['risk', 'payments'] };
const json = (o: { toJSON(): unknown }): Json => o.toJSON();

describe('renderFluxBootstrap', () => {
  const objects = renderFluxBootstrap(props);

  it('renders the source, the self-managing bootstrap, the platform layer and one Kustomization per namespace, sorted', () => {
    expect(objects.map((o) => `${o.kind}/${o.metadata?.name}`)).toEqual([
      'GitRepository/eleventh',
      'Kustomization/prod-bootstrap',
      'Kustomization/prod-platform',
      'Kustomization/prod-payments',
      'Kustomization/prod-risk',
    ]);
  });

  it('points the GitRepository at cluster.git url and branch', () => {
    const spec = json(objects[0]).spec;
    expect(spec).toMatchObject({ url: props.url, ref: { branch: 'main' }, interval: '1m' });
    expect(spec.ignore).toBe('/*\n!/environments/\n/environments/*\n!/environments/prod/');
    expect(json(objects[0]).apiVersion).toBe('source.toolkit.fluxcd.io/v1');
  });

  it('makes every namespace Kustomization depend on the platform layer, which applies _platform', () => {
    expect(json(objects[2]).spec).toMatchObject({ path: './environments/prod/_platform', sourceRef: { kind: 'GitRepository', name: 'eleventh' } });
    expect(json(objects[1]).spec.path).toBe('./environments/prod/_flux');
    for (const ns of objects.slice(3)) expect(json(ns).spec.dependsOn).toEqual([{ name: 'prod-platform' }]);
    expect(json(objects[3]).spec.path).toBe('./environments/prod/payments');
  });

  it('passes checkObject for every object', () => {
    expect(objects.flatMap(checkObject)).toEqual([]);
  });

  it('carries cluster.git.verify as spec.verify (Flux checks the OpenPGP signature of what it pulls)', () => {
    expect(json(objects[0]).spec.verify).toBeUndefined();
    const source = renderGitRepository({ ...props, verify: { mode: 'HEAD', secretRef: 'release-signers' } });
    expect(json(source).spec.verify).toEqual({ mode: 'HEAD', secretRef: { name: 'release-signers' } });
    expect(checkObject(source)).toEqual([]);
  });

  it('rejects a URL that is not a git URL, quoting it', () => {
    expect(() => renderGitRepository({ ...props, url: 'not a url' })).toThrow("'cluster.git.url' ('not a url') is not a git URL");
  });
});

describe('renderArgoBootstrap', () => {
  const [platform, set] = renderArgoBootstrap(props);

  it('renders an ApplicationSet with a git directory generator over the environment, excluding _* folders', () => {
    const spec = json(set).spec;
    expect(json(set).apiVersion).toBe('argoproj.io/v1alpha1');
    expect(spec.generators[0].git).toEqual({
      repoURL: props.url,
      revision: 'main',
      directories: [{ path: 'environments/prod/*' }, { path: 'environments/prod/_*', exclude: true }],
    });
    expect(spec.template.spec.destination.namespace).toBe('{{path.basename}}');
    expect(spec.template.spec.source.path).toBe('{{path}}');
  });

  it('applies the platform layer first (sync wave -1)', () => {
    expect(json(platform).spec.source.path).toBe('environments/prod/_platform');
    expect(json(platform).metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('-1');
  });

  it('passes checkObject for both objects', () => {
    expect([platform, set].flatMap(checkObject)).toEqual([]);
  });
});
