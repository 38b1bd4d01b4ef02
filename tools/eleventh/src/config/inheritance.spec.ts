import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load';
import { cleanTrees, PLATFORM_DEFAULTS_TEXT, treeWith } from './testing';

afterAll(cleanTrees);

const svc = 'environments/staging/payments/payments-api/overrides.yaml';

describe('resolution order', () => {
  it('a service without overrides gets the platform defaults', () => {
    const config = loadConfig(treeWith({}));
    expect(config.service('prod', 'payments', 'anything').config).toEqual({
      replicas: 2,
      resources: { cpu: '100m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
      autoscaling: false,
      env: {},
      values: {},
    });
  });

  it('prod inherits replicas from preprod and overrides cpu', () => {
    const config = loadConfig(
      treeWith({
        'environments/preprod/payments/payments-api/overrides.yaml': 'replicas: 4\nresources:\n  cpu: 200m\n',
        'environments/prod/payments/payments-api/overrides.yaml': 'resources:\n  cpu: 1\n',
      }),
    );
    const prod = config.service('prod', 'payments', 'payments-api').config;
    expect(prod.replicas).toBe(4);
    expect(prod.resources).toEqual({ cpu: '1', memory: '128Mi' });
    expect(config.service('preprod', 'payments', 'payments-api').config.resources.cpu).toBe('200m');
    expect(config.service('staging', 'payments', 'payments-api').config.replicas).toBe(2);
  });

  it("what an environment states beats what its parent's tenant states", () => {
    const config = loadConfig(
      treeWith({
        'environments/staging/payments/tenant.yaml': 'team: payments-team\ndefaults:\n  replicas: 5\n',
        'environments/preprod/environment.yaml': 'extends: staging\npromotion:\n  from: staging\ndefaults:\n  replicas: 3\n',
      }),
    );
    expect(config.service('staging', 'payments', 'x').config.replicas).toBe(5);
    expect(config.service('preprod', 'payments', 'x').config.replicas).toBe(3);
    expect(config.service('prod', 'payments', 'x').config.replicas).toBe(3);
  });

  it('within one environment the tenant beats the environment and the override beats the tenant', () => {
    const config = loadConfig(
      treeWith({
        'environments/staging/environment.yaml': 'registry: r\ncluster:\n  name: s\n  git:\n    url: https://git.example.com/r.git\ndefaults:\n  replicas: 3\n  limits:\n    cpu: 1\n',
        'environments/staging/payments/tenant.yaml': 'team: t\ndefaults:\n  replicas: 4\n',
        [svc]: 'replicas: 6\n',
      }),
    );
    expect(config.service('staging', 'payments', 'other').config.replicas).toBe(4);
    expect(config.service('staging', 'payments', 'payments-api').config.replicas).toBe(6);
    expect(config.service('staging', 'payments', 'payments-api').config.limits).toEqual({ cpu: '1', memory: '256Mi' });
  });

  it('maps merge', () => {
    const config = loadConfig(
      treeWith({
        'environments/staging/payments/tenant.yaml': 'team: t\ndefaults:\n  env:\n    LOG_LEVEL: info\n  values:\n    db: {host: a, port: 5432}\n',
        'environments/prod/payments/payments-api/overrides.yaml': 'env:\n  FEATURE_X: "on"\nvalues:\n  db: {host: b}\n',
      }),
    );
    const prod = config.service('prod', 'payments', 'payments-api').config;
    expect(prod.env).toEqual({ FEATURE_X: 'on', LOG_LEVEL: 'info' });
    expect(prod.values).toEqual({ db: { host: 'b', port: 5432 } });
  });

  it('lists replace', () => {
    const config = loadConfig(
      treeWith({
        'environments/staging/payments/payments-api/overrides.yaml': 'values:\n  hosts: [a, b, c]\n',
        'environments/prod/payments/payments-api/overrides.yaml': 'values:\n  hosts: [z]\n',
        'environments/prod/environment.yaml': 'extends: preprod\npromotion:\n  from: preprod\nprofiles: [bank]\n',
      }),
    );
    expect(config.service('prod', 'payments', 'payments-api').config.values).toEqual({ hosts: ['z'] });
    expect(config.environment('prod').profiles).toEqual(['bank']);
    expect(config.environment('preprod').profiles).toEqual(['retail']);
  });

  it('autoscaling: false replaces a map and a map replaces false', () => {
    const config = loadConfig(
      treeWith({
        'environments/staging/environment.yaml': 'registry: r\ncluster:\n  name: s\n  git:\n    url: https://git.example.com/r.git\ndefaults:\n  autoscaling: {min: 2, max: 5, cpuPercent: 70}\n',
        'environments/preprod/payments/tenant.yaml': 'defaults:\n  autoscaling: false\n',
        'environments/prod/payments/payments-api/overrides.yaml': 'autoscaling: {min: 3, max: 9, cpuPercent: 60}\n',
      }),
    );
    expect(config.service('staging', 'payments', 'x').config.autoscaling).toEqual({ min: 2, max: 5, cpuPercent: 70 });
    expect(config.service('preprod', 'payments', 'x').config.autoscaling).toBe(false);
    expect(config.service('prod', 'payments', 'x').config.autoscaling).toBe(false);
    expect(config.service('prod', 'payments', 'payments-api').config.autoscaling).toEqual({ min: 3, max: 9, cpuPercent: 60 });
  });

  it('an autoscaling map merges over an inherited autoscaling map', () => {
    const config = loadConfig(
      treeWith({
        'environments/staging/payments/tenant.yaml': 'team: t\ndefaults:\n  autoscaling: {min: 2, max: 5, cpuPercent: 70}\n',
        'environments/prod/payments/tenant.yaml': 'defaults:\n  autoscaling: {max: 20}\n',
      }),
    );
    expect(config.service('prod', 'payments', 'x').config.autoscaling).toEqual({ min: 2, max: 20, cpuPercent: 70 });
  });
});

describe('environments', () => {
  it('registry, cluster and profiles inherit along extends; the branch defaults to main', () => {
    const config = loadConfig(treeWith({}));
    expect(config.environment('prod')).toEqual({
      name: 'prod',
      chain: ['staging', 'preprod', 'prod'],
      registry: 'registry.example.com/acme',
      cluster: { name: 'prod', git: { url: 'https://git.example.com/acme/eleventh.git', branch: 'main' } },
      profiles: ['retail'],
      profileOrigins: [{ file: 'environments/staging/environment.yaml', line: expect.any(Number) }],
      addons: {},
      promotion: { from: 'preprod', tags: 'prod-v*', branch: 'main', signed: false, freeze: [] },
      availability: { pdb: true, spread: true },
    });
    expect(config.environments).toEqual(['ops-staging', 'preprod', 'prod', 'staging']);
  });

  it('platform.addons merge along extends: prod turns kyverno off and inherits the version pinned in platform/defaults.yaml', () => {
    const config = loadConfig(
      treeWith({
        'platform/defaults.yaml': `${PLATFORM_DEFAULTS_TEXT}platform:\n  addons:\n    cert-manager:\n      version: v1.21.2\n`,
        'environments/prod/environment.yaml': 'extends: preprod\ncluster:\n  name: prod\npromotion:\n  from: preprod\n  tags: prod-v*\nplatform:\n  addons:\n    kyverno: false\n',
      }),
    );
    expect(config.environment('prod').addons).toEqual({
      'cert-manager': { version: 'v1.21.2', file: 'platform/defaults.yaml', line: expect.any(Number) },
      kyverno: { enabled: false, file: 'environments/prod/environment.yaml', line: expect.any(Number) },
    });
    expect(config.environment('staging').addons).toEqual({ 'cert-manager': { version: 'v1.21.2', file: 'platform/defaults.yaml', line: expect.any(Number) } });
  });

  it('ops-staging follows main although it extends staging', () => {
    const config = loadConfig(treeWith({}));
    expect(config.followsMain('ops-staging')).toBe(true);
    expect(config.followsMain('staging')).toBe(true);
    expect(config.followsMain('preprod')).toBe(false);
    expect(config.followsMain('prod')).toBe(false);
  });

  it('promotion is not inherited: an environment extending a promoted one follows main', () => {
    const config = loadConfig(treeWith({ 'environments/dr/environment.yaml': 'extends: prod\n', 'environments/dr/payments/tenant.yaml': '' }));
    expect(config.environment('dr').promotion).toBeUndefined();
    expect(config.environment('dr').chain).toEqual(['staging', 'preprod', 'prod', 'dr']);
  });

  it('promotion.tags defaults to <env>-v*', () => {
    const config = loadConfig(treeWith({ 'environments/preprod/environment.yaml': 'extends: staging\npromotion:\n  from: staging\n' }));
    expect(config.environment('preprod').promotion).toEqual({ from: 'staging', tags: 'preprod-v*', branch: 'main', signed: false, freeze: [] });
  });

  it('an unknown environment names the known ones', () => {
    const config = loadConfig(treeWith({}));
    expect(() => config.environment('prdo')).toThrow(
      "environments/prdo: unknown environment 'prdo' (did you mean 'prod'?) (expected one of: ops-staging, preprod, prod, staging)",
    );
  });
});

describe('tenants and the tree', () => {
  it('tenant.yaml inherits along extends from the platform tenant defaults', () => {
    const config = loadConfig(
      treeWith({
        'environments/staging/billing/tenant.yaml': 'team: billing\nnetwork:\n  allowFrom: [payments]\n',
        'environments/preprod/billing/tenant.yaml': '',
        'environments/prod/billing/tenant.yaml': 'quota:\n  pods: 200\n',
        'environments/ops-staging/billing/tenant.yaml': '',
      }),
    );
    expect(config.tenant('prod', 'billing')).toEqual({ team: 'billing', quota: { cpu: '8', memory: '16Gi', pods: 200 }, allowFrom: ['payments'] });
    expect(config.namespaces('prod')).toEqual(['billing', 'payments']);
  });

  it('generated files, generated layers and other files are not config', () => {
    const config = loadConfig(
      treeWith({
        'environments/staging/payments/payments-api/overrides.yaml': '# generated by eleventh — do not edit\nreplicas: 9\n',
        'environments/staging/payments/payments-api/deployment.yaml': 'kind: Deployment\n',
        'environments/staging/_flux/payments.yaml': '# generated by eleventh — do not edit\n',
        'environments/staging/_platform/x/overrides.yaml': 'bogus: 1\n',
        'environments/staging/notes.md': 'hello',
      }),
    );
    expect(config.service('staging', 'payments', 'payments-api').config.replicas).toBe(2);
    expect(config.overrides('staging')).toEqual([]);
  });

  it("overrides() lists the environment's own overrides files", () => {
    const config = loadConfig(treeWith({ 'environments/staging/payments/payments-api/overrides.yaml': 'replicas: 1\n' }));
    expect(config.overrides('staging')).toEqual([{ namespace: 'payments', service: 'payments-api', file: 'environments/staging/payments/payments-api/overrides.yaml' }]);
    expect(config.overrides('prod')).toEqual([]);
  });

  it('service() is memoised: the same answer object each time', () => {
    const config = loadConfig(treeWith({ 'environments/staging/payments/payments-api/overrides.yaml': 'replicas: 1\n' }));
    expect(config.service('prod', 'payments', 'payments-api')).toBe(config.service('prod', 'payments', 'payments-api'));
    expect(config.service('prod', 'payments', 'a')).toBe(config.service('prod', 'payments', 'b'));
  });
});
