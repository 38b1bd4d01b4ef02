import { describe, expect, it } from 'vitest';
import { BASE_ADDONS } from './addons/catalog';
import { SYSTEM_NAMESPACE } from './addons/system-namespace';
import { sealedSecrets } from './addons/sealed-secrets';
import { ARGOCD_NAMESPACE } from './kit/bootstrap/argo';
import { FLUX_NAMESPACE } from './kit/flux';
import { GITOPS_NAMESPACES, groupProblem, isDnsLabel, nameProblem, PLATFORM_NAMESPACES } from './names';

describe('names', () => {
  it('DNS-1123 labels: lower-case letters, digits and inner dashes, at most 63 characters', () => {
    for (const ok of ['a', 'payments', 'payments-api', '9lives', 'a'.repeat(63)]) expect(isDnsLabel(ok), ok).toBe(true);
    for (const bad of ['', 'Payments', 'pay_ments', '-a', 'a-', 'a.b', 'a'.repeat(64), 42, undefined]) expect(isDnsLabel(bad), String(bad)).toBe(false);
  });

  it.each(['default', 'kube-system', 'kube-public', 'kube-anything', 'flux-system', 'argocd', 'eleventh-system', 'cert-manager', 'monitoring', 'shared'])('refuses the namespace %s as reserved', (name) => {
    expect(nameProblem('namespace', name)?.problem).toMatch(new RegExp(`^namespace name '${name}' is reserved: `));
  });

  it("refuses '_' names for every kind, as generated layers", () => {
    for (const kind of ['service', 'namespace', 'environment', 'profile'] as const) {
      expect(nameProblem(kind, '_x')).toEqual({ problem: `${kind} name '_x' is reserved: names starting with '_' belong to generated layers`, expected: expect.stringMatching(/^a DNS-1123 label/) });
    }
  });

  it('refuses what is not a DNS-1123 label, quoting it', () => {
    expect(nameProblem('service', 'Payments_API')).toEqual({ problem: 'service name "Payments_API" is not valid', expected: expect.stringMatching(/^a DNS-1123 label/) });
  });

  it('accepts tenant names that only look like system ones, and reserves per kind', () => {
    for (const name of ['payments', 'kubernetes', 'default-team', 'my-argocd']) expect(nameProblem('namespace', name), name).toBeUndefined();
    expect(nameProblem('service', 'default')).toBeUndefined();
    expect(nameProblem('profile', 'base')?.problem).toBe("profile name 'base' is reserved: the repository layout uses it");
  });

  it("reserves the platform's own namespaces: its system namespace and every base add-on's", () => {
    expect([...PLATFORM_NAMESPACES].sort()).toEqual([...new Set([SYSTEM_NAMESPACE, ...BASE_ADDONS.map((a) => a.namespace), sealedSecrets.namespace])].sort());
    expect([...GITOPS_NAMESPACES].sort()).toEqual([ARGOCD_NAMESPACE, FLUX_NAMESPACE].sort());
  });

  it('team names are identity-provider groups', () => {
    for (const ok of ['payments-team', 'acme/payments-team', 'team@example.com', 'oidc:payments']) expect(groupProblem(ok), ok).toBeUndefined();
    expect(groupProblem('payments team')).toBe('has a space');
    expect(groupProblem('-team')).toBe('does not start with a letter or digit');
    expect(groupProblem('team,ops')).toBe("has ','");
    expect(groupProblem('')).toBe('is empty');
  });
});
