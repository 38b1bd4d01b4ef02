import { describe, expect, it } from 'vitest';
import { renderFluxNamespace } from './flux';
import { checkObject } from './check';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ctx = { environment: 'staging', namespace: 'payments', path: './environments/staging/payments' };

describe('renderFluxNamespace', () => {
  it('renders a kustomize.toolkit.fluxcd.io/v1 Kustomization <env>-<ns> in flux-system', () => {
    const k: Json = renderFluxNamespace(ctx).toJSON();
    expect(k.apiVersion).toBe('kustomize.toolkit.fluxcd.io/v1');
    expect(k.kind).toBe('Kustomization');
    expect(k.metadata.name).toBe('staging-payments');
    expect(k.metadata.namespace).toBe('flux-system');
  });

  it('builds the path with prune, wait and a 10m interval from the eleventh GitRepository', () => {
    const spec = (renderFluxNamespace(ctx).toJSON() as Json).spec;
    expect(spec).toMatchObject({
      path: './environments/staging/payments',
      prune: true,
      wait: true,
      interval: '10m',
      sourceRef: { kind: 'GitRepository', name: 'eleventh' },
    });
  });

  it('uses sourceName when given', () => {
    const spec = (renderFluxNamespace({ ...ctx, sourceName: 'fleet' }).toJSON() as Json).spec;
    expect(spec.sourceRef).toEqual({ kind: 'GitRepository', name: 'fleet' });
  });

  it('passes checkObject', () => {
    expect(checkObject(renderFluxNamespace(ctx))).toEqual([]);
  });

  it('rejects a path that is not repository-relative', () => {
    expect(() => renderFluxNamespace({ ...ctx, path: '/abs' })).toThrow("'path' ('/abs') is not a repository-relative path");
  });
});
