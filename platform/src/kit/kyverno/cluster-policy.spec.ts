import { describe, expect, it } from 'vitest';
import { renderClusterPolicy, type ClusterPolicyProps } from './cluster-policy';
import { checkObject } from '../check';
import { renderPlatformLayers } from '../../layers/platform';
import { renderFluxBootstrap } from '../bootstrap';
import { renderArgoBootstrap } from '../bootstrap';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const json = (o: unknown): Json => JSON.parse(JSON.stringify(o));

const props: ClusterPolicyProps = {
  name: 'acme-no-latest',
  title: 'No latest',
  description: 'Images by tag.',
  rules: [{ name: 'no-latest', match: { kinds: ['Pod'], namespaces: ['payments'] }, message: 'no latest', failureAction: 'Enforce', pattern: { spec: { containers: [{ image: '!*:latest' }] } } }],
};

describe('renderClusterPolicy', () => {
  it('builds a kyverno.io/v1 ClusterPolicy with per-rule failure actions that passes checkObject', () => {
    const policy = renderClusterPolicy(props);
    const j = json(policy);
    expect(j.apiVersion).toBe('kyverno.io/v1');
    expect(j.kind).toBe('ClusterPolicy');
    expect(j.spec.background).toBe(true);
    expect(j.spec.rules[0]).toEqual({
      name: 'no-latest',
      match: { any: [{ resources: { kinds: ['Pod'], namespaces: ['payments'] } }] },
      validate: { message: 'no latest', failureAction: 'Enforce', pattern: { spec: { containers: [{ image: '!*:latest' }] } } },
    });
    expect(checkObject(policy)).toEqual([]);
  });

  it('defaults a rule to Audit', () => {
    const j = json(renderClusterPolicy({ ...props, rules: [{ ...props.rules[0], failureAction: undefined }] }));
    expect(j.spec.rules[0].validate.failureAction).toBe('Audit');
  });

  it.each([
    ['no rules', { ...props, rules: [] }, "ClusterPolicy 'acme-no-latest' has no rules (expected at least one rule)"],
    ['two rules of one name', { ...props, rules: [props.rules[0], props.rules[0]] }, "ClusterPolicy 'acme-no-latest' has two rules named 'no-latest' (expected unique rule names)"],
    ['a rule without kinds', { ...props, rules: [{ ...props.rules[0], match: { kinds: [] } }] }, "rule 'no-latest' of ClusterPolicy 'acme-no-latest' matches no kinds"],
    ['a bad name', { ...props, name: 'Acme_Policy' }, "ClusterPolicy name 'Acme_Policy' is not a DNS-1123 subdomain"],
  ])('refuses %s with the exact message', (_label, bad, message) => {
    expect(() => renderClusterPolicy(bad as ClusterPolicyProps)).toThrow(message);
  });

  it('checkObject finds unknown fields and wrong types in a ClusterPolicy', () => {
    const policy = renderClusterPolicy(props) as Json;
    policy.spec.rules[0].validate.mesage = 'typo';
    policy.spec.background = 'yes';
    const findings = checkObject(policy);
    expect(findings).toContain("ClusterPolicy acme-no-latest: unknown field 'spec.rules[0].validate.mesage' (did you mean 'message'?)");
    expect(findings.some((f) => f.includes("'spec.background' must be a boolean (got string)"))).toBe(true);
  });
});

describe("a profile's policies", () => {
  it('render in their own layer after every other, applied after the platform layer', () => {
    const layers = renderPlatformLayers({ environment: 'prod', profiles: ['payments-compliance', 'observability'] });
    expect(layers.map((l) => [l.layer, l.afterPlatform ?? false])).toEqual([['base', false], ['payments-compliance', false], ['observability', false], ['payments-compliance-policies', true]]);
    const [policy] = json(layers[3].objects);
    expect(policy.metadata.name).toBe('payments-compliance-immutable-images');
    expect(policy.spec.rules.map((r: Json) => r.match.any[0].resources.namespaces)).toEqual([['payments'], ['payments']]);
    expect(layers[3].objects.flatMap((o) => checkObject(o))).toEqual([]);
  });

  it('are refused when kyverno is turned off, naming the profile and the switch', () => {
    expect(() => renderPlatformLayers({ environment: 'prod', profiles: ['payments-compliance'], addons: { kyverno: { enabled: false }, 'kyverno-policies': { enabled: false } } })).toThrow(
      "profile 'payments-compliance' declares Kyverno policies, but add-on 'kyverno' is turned off (platform.addons.kyverno: false) (expected 'kyverno' enabled, or 'payments-compliance' left out of 'profiles')",
    );
  });

  it('get a Flux Kustomization that dependsOn the platform layer, and namespaces wait for it', () => {
    const objects = json(renderFluxBootstrap({ environment: 'prod', url: 'https://git.example.com/r.git', branch: 'main', namespaces: ['payments'], afterPlatform: ['payments-compliance-policies'] }));
    const policies = objects.find((o: Json) => o.metadata.name === 'prod-payments-compliance-policies');
    expect(policies.spec).toMatchObject({ path: './environments/prod/_platform/payments-compliance-policies', wait: true, dependsOn: [{ name: 'prod-platform' }] });
    const ns = objects.find((o: Json) => o.metadata.name === 'prod-payments');
    expect(ns.spec.dependsOn).toEqual([{ name: 'prod-platform' }, { name: 'prod-payments-compliance-policies' }]);
    const platform = objects.find((o: Json) => o.metadata.name === 'prod-platform');
    expect(platform.spec.dependsOn).toBeUndefined();
  });

  it('get an Argo CD Application that skips the dry run until the CRD exists', () => {
    const objects = json(renderArgoBootstrap({ environment: 'prod', url: 'https://git.example.com/r.git', branch: 'main', afterPlatform: ['payments-compliance-policies'] }));
    const app = objects.find((o: Json) => o.metadata.name === 'prod-payments-compliance-policies');
    expect(app.spec.source.path).toBe('environments/prod/_platform/payments-compliance-policies');
    expect(app.spec.syncPolicy.syncOptions).toContain('SkipDryRunOnMissingResource=true');
  });
});
