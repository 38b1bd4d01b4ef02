import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { checkOverrides, loadConfig } from './load';
import { cleanTrees, configProblems, treeWith } from './testing';

afterAll(cleanTrees);

const problems = configProblems;

const STAGING = 'registry: r\ncluster:\n  name: s\n  git:\n    url: https://git.example.com/r.git\n';

describe('schema', () => {
  it('an unknown key is rejected with the nearest valid key', () => {
    const prod = 'extends: preprod\npromotion:\n  from: preprod\ndefaults:\n  replcias: 3\n';
    expect(problems({ 'environments/prod/environment.yaml': prod })).toEqual([
      "environments/prod/environment.yaml:5: unknown key 'replcias' in 'defaults' (did you mean 'replicas'?)",
    ]);
  });

  it('an unknown key without a near match lists the valid ones', () => {
    expect(problems({ 'environments/prod/payments/tenant.yaml': 'owner: x\n' })).toEqual([
      "environments/prod/payments/tenant.yaml:1: unknown key 'owner' (expected one of: team, quota, network, defaults, policy)",
    ]);
  });

  it('a wrong type quotes what it got', () => {
    const file = 'environments/staging/payments/payments-api/overrides.yaml';
    const text = 'env:\n  A: b\nvalues:\n  x: 1\nresources:\n  cpu: 1\nreplicas: three\n';
    expect(problems({ [file]: text })).toEqual([`${file}:7: 'replicas' must be an integer ≥ 0 (expected integer, got 'three')`]);
  });

  it('nested keys are named by their dotted path', () => {
    const text = `${STAGING}defaults:\n  replicas: -1\n  resources:\n    cpu: lots\n`;
    expect(problems({ 'environments/staging/environment.yaml': text })).toEqual([
      "environments/staging/environment.yaml:7: 'defaults.replicas' must be an integer ≥ 0 (expected integer ≥ 0, got -1)",
      "environments/staging/environment.yaml:9: 'defaults.resources.cpu' must be a Kubernetes quantity such as '250m', '1' or '512Mi' (expected quantity, got 'lots')",
    ]);
  });

  it('autoscaling is false or a map', () => {
    const file = 'environments/prod/payments/api/overrides.yaml';
    expect(problems({ [file]: 'autoscaling: true\n' })).toEqual([
      `${file}:1: 'autoscaling' must be false or a map {min, max, cpuPercent} (expected false or map, got true)`,
    ]);
  });

  it('environment variable names must be valid and values strings', () => {
    const file = 'environments/prod/payments/api/overrides.yaml';
    expect(problems({ [file]: 'env:\n  MY-VAR: x\n  PORT: 8080\n' })).toEqual([
      `${file}:2: invalid environment variable name 'MY-VAR' in 'env' (expected letters, digits and '_', not starting with a digit)`,
      `${file}:3: 'env.PORT' must be a string (quote numbers and booleans) (expected string, got 8080)`,
    ]);
  });

  it('values are free-form', () => {
    const file = 'environments/prod/payments/api/overrides.yaml';
    expect(() => loadConfig(treeWith({ [file]: 'values:\n  anything: {goes: [1, {deep: true}]}\n' }))).not.toThrow();
  });

  it('malformed YAML names the line', () => {
    expect(problems({ 'environments/prod/payments/tenant.yaml': 'team: a\nteam: b\n' })).toEqual([
      'environments/prod/payments/tenant.yaml:2: malformed YAML: Map keys must be unique',
    ]);
  });

  it('every problem is reported at once', () => {
    const found = problems({
      'environments/prod/payments/tenant.yaml': 'tem: a\n',
      'environments/preprod/payments/x/overrides.yaml': 'replicas: 1.5\n',
      'environments/ops-staging/environment.yaml': 'extends: stagin\n',
    });
    expect(found).toHaveLength(3);
  });
});

describe('extends and promotion', () => {
  it('an extends cycle is reported once, with its path', () => {
    expect(
      problems({
        'environments/preprod/environment.yaml': 'extends: prod\n',
        'environments/prod/environment.yaml': 'extends: preprod\n',
      }),
    ).toEqual(['environments/preprod/environment.yaml:1: extends cycle: preprod → prod → preprod (expected a chain that ends at an environment without one)']);
  });

  it('an unknown parent is suggested', () => {
    expect(problems({ 'environments/ops-staging/environment.yaml': 'cluster:\n  name: o\nextends: stagin\n' })).toEqual([
      "environments/ops-staging/environment.yaml:3: extends unknown environment 'stagin' (did you mean 'staging'?) (expected one of: ops-staging, preprod, prod, staging)",
    ]);
  });

  it('promotion.from must name a known environment', () => {
    expect(problems({ 'environments/prod/environment.yaml': 'extends: preprod\npromotion:\n  from: prepord\n' })).toEqual([
      "environments/prod/environment.yaml:3: promotion.from names unknown environment 'prepord' (did you mean 'preprod'?) (expected one of: ops-staging, preprod, staging)",
    ]);
  });

  it('promotion cycles and self-promotion are reported', () => {
    expect(
      problems({
        'environments/staging/environment.yaml': 'registry: r\ncluster:\n  name: s\n  git:\n    url: https://git.example.com/r.git\npromotion:\n  from: prod\n',
        'environments/ops-staging/environment.yaml': 'extends: staging\npromotion:\n  from: ops-staging\n',
      }),
    ).toEqual([
      "environments/ops-staging/environment.yaml:3: environment 'ops-staging' cannot be promoted from itself (expected another environment)",
      'environments/preprod/environment.yaml:5: promotion cycle: preprod → staging → prod → preprod (expected a chain that ends at an environment without one)',
    ]);
  });

  it('required keys are checked after the merge, once, where they are first missing', () => {
    expect(problems({ 'environments/staging/environment.yaml': 'cluster:\n  name: s\n' })).toEqual([
      "environments/staging/environment.yaml: missing 'registry' (expected it in this file)",
      "environments/staging/environment.yaml: missing 'cluster.git.url' (expected it in this file)",
    ]);
  });

  it('a required key may come from an environment it extends', () => {
    const config = loadConfig(treeWith({ 'environments/prod/environment.yaml': 'extends: preprod\npromotion:\n  from: preprod\n' }));
    expect(config.environment('prod').registry).toBe('registry.example.com/acme');
  });
});

describe('namespaces and services', () => {
  it('a namespace missing in some environment names that environment', () => {
    expect(problems({ 'environments/staging/billing/tenant.yaml': 'team: b\n', 'environments/prod/billing/tenant.yaml': '' })).toEqual([
      "environments/ops-staging/billing/tenant.yaml: namespace 'billing' has no tenant.yaml in environment 'ops-staging' (it has one in prod, staging) (expected the same namespaces in every environment: add this file, even empty)",
      "environments/preprod/billing/tenant.yaml: namespace 'billing' has no tenant.yaml in environment 'preprod' (it has one in prod, staging) (expected the same namespaces in every environment: add this file, even empty)",
    ]);
  });

  it('namespace and service folder names must be DNS-1123 and not reserved', () => {
    const found = problems({
      'environments/staging/_ops/tenant.yaml': 'team: x\n',
      'environments/staging/payments/Payments_API/overrides.yaml': 'replicas: 1\n',
    });
    expect(found).toContain(
      "environments/staging/_ops: namespace folder '_ops' is reserved: names starting with '_' belong to generated layers (expected a DNS-1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit)",
    );
    expect(found).toContain(
      `environments/staging/payments/Payments_API: service folder "Payments_API" is not valid (expected a DNS-1123 label: at most 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit)`,
    );
  });

  it('a missing team is reported where the namespace is first declared', () => {
    expect(problems({ 'environments/staging/payments/tenant.yaml': '' })).toEqual([
      "environments/staging/payments/tenant.yaml: missing 'team' (expected it in this file, the same file of an environment it extends, or platform/defaults.yaml tenant)",
    ]);
  });

  it('allowFrom must name known namespaces', () => {
    expect(problems({ 'environments/staging/payments/tenant.yaml': 'team: t\nnetwork:\n  allowFrom: [paymnets]\n' })).toEqual([
      "environments/staging/payments/tenant.yaml:3: network.allowFrom names unknown namespace 'paymnets' (did you mean 'payments'?) (expected one of: payments)",
    ]);
  });

  it('autoscaling min > max quotes both values and both places', () => {
    expect(
      problems({
        'environments/staging/environment.yaml': `${STAGING}defaults:\n  autoscaling: {min: 2, max: 4, cpuPercent: 70}\n`,
        'environments/prod/payments/api/overrides.yaml': 'replicas: 1\nautoscaling:\n  min: 6\n',
      }),
    ).toEqual([
      "environments/prod/payments/api/overrides.yaml:3: 'autoscaling.min' (6) must be ≤ 'autoscaling.max' (4) (expected min ≤ max; 'autoscaling.max' set at environments/staging/environment.yaml:7)",
    ]);
  });

  it('an autoscaling map replacing false must be complete', () => {
    expect(problems({ 'environments/prod/payments/api/overrides.yaml': 'autoscaling:\n  max: 6\n' })).toEqual([
      "environments/prod/payments/api/overrides.yaml:2: 'autoscaling' lacks 'min', 'cpuPercent' after inheritance (expected min, max and cpuPercent once autoscaling replaces false)",
    ]);
  });

  it('overrides must name an existing service in its own namespace', () => {
    const config = loadConfig(
      treeWith({
        'environments/staging/payments/payments-apu/overrides.yaml': 'replicas: 1\n',
        'environments/prod/payments/ledger/overrides.yaml': 'replicas: 1\n',
      }),
    );
    const services = new Map([['payments-api', 'payments'], ['ledger', 'accounts']]);
    expect(checkOverrides(config, services).map((e) => e.message)).toEqual([
      "environments/prod/payments/ledger/overrides.yaml: override for 'ledger' in namespace 'payments', but the service lives in namespace 'accounts' (expected environments/prod/accounts/ledger/overrides.yaml)",
      "environments/staging/payments/payments-apu/overrides.yaml: override for unknown service 'payments-apu' (did you mean 'payments-api'?) (expected a service declared by services/<name>/deploy.ts)",
    ]);
  });

  it('a missing platform/defaults.yaml is reported', () => {
    expect(problems({ 'platform/defaults.yaml': null })).toEqual([
      'platform/defaults.yaml: cannot read file (ENOENT) (expected a readable YAML file)',
    ]);
  });
});

describe('messages', () => {
  it("say '(expected …)' once, even when the problem already carries one (a KitError's message)", () => {
    const kitMessage = "'cluster.git.url' ('u') is not a git URL (expected https://…)";
    expect(new ConfigError({ file: 'f.yaml', line: 3 }, kitMessage, 'cluster.git {url, branch}').message).toBe(`f.yaml:3: ${kitMessage}`);
    expect(new ConfigError({ file: 'f.yaml' }, 'bad', 'good').message).toBe('f.yaml: bad (expected good)');
  });
});

