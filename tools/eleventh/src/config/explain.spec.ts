import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { explain, explainJson } from './explain';
import { loadConfig, type ConfigSet } from './load';
import { cleanTrees, treeWith } from './testing';

afterAll(cleanTrees);

const OVERRIDES = 'environments/staging/payments/payments-api/overrides.yaml';
const STAGING = [
  'registry: r',
  'cluster:',
  '  name: s',
  '  git:',
  '    url: https://git.example.com/r.git',
  'defaults:',
  '  env:',
  '    LOG_LEVEL: info',
  '  replicas: 2',
  '',
].join('\n');

function config(): ConfigSet {
  return loadConfig(
    treeWith({
      'environments/staging/environment.yaml': STAGING,
      [OVERRIDES]: 'replicas: 3\nautoscaling: false\nvalues:\n  a:\n    b: 1\n',
      'environments/prod/payments/payments-api/overrides.yaml': 'env:\n  LOG_LEVEL: warn\n',
    }),
  );
}

describe('provenance', () => {
  it('every leaf knows the file and line that set it and what it overrode, nearest first', () => {
    const p = config().service('staging', 'payments', 'payments-api').provenance;
    expect(p.get('replicas')).toMatchObject({
      value: 3,
      file: OVERRIDES,
      line: 1,
      overrode: [
        { value: 2, file: 'environments/staging/environment.yaml', line: 9 },
        { value: 2, file: 'platform/defaults.yaml', line: 2 },
      ],
    });
    expect(p.get('resources.cpu')).toMatchObject({ value: '100m', file: 'platform/defaults.yaml', line: 4, overrode: [] });
    expect(p.get('env.LOG_LEVEL')).toMatchObject({ value: 'info', file: 'environments/staging/environment.yaml', line: 8 });
    expect(p.get('values.a.b')).toMatchObject({ value: 1, file: OVERRIDES, line: 5 });
    expect(p.get('autoscaling')).toMatchObject({ value: false, file: OVERRIDES, line: 2 });
  });

  it('prod’s override of a key set in staging shows the whole chain', () => {
    const p = config().service('prod', 'payments', 'payments-api').provenance;
    expect(p.get('env.LOG_LEVEL')).toMatchObject({
      value: 'warn',
      file: 'environments/prod/payments/payments-api/overrides.yaml',
      line: 2,
      overrode: [{ value: 'info', file: 'environments/staging/environment.yaml', line: 8 }],
    });
    expect(p.get('replicas')?.file).toBe(OVERRIDES);
  });
});

describe('explain', () => {
  it('prints every value with the file:line that set it', () => {
    expect(explain(config(), 'staging', 'payments', 'payments-api')).toBe(
      [
        'staging/payments/payments-api',
        'replicas: 3               environments/staging/payments/payments-api/overrides.yaml:1',
        '  overrode 2              environments/staging/environment.yaml:9',
        '  overrode 2              platform/defaults.yaml:2',
        'resources.cpu: 100m       platform/defaults.yaml:4',
        'resources.memory: 128Mi   platform/defaults.yaml:5',
        'limits.cpu: 500m          platform/defaults.yaml:7',
        'limits.memory: 256Mi      platform/defaults.yaml:8',
        'autoscaling: false        environments/staging/payments/payments-api/overrides.yaml:2',
        '  overrode false          platform/defaults.yaml:9',
        'env.LOG_LEVEL: info       environments/staging/environment.yaml:8',
        'values.a.b: 1             environments/staging/payments/payments-api/overrides.yaml:5',
        '',
      ].join('\n'),
    );
  });

  it('with a key prints only that key', () => {
    expect(explain(config(), 'staging', 'payments', 'payments-api', 'replicas')).toBe(
      [
        'staging/payments/payments-api',
        'replicas: 3    environments/staging/payments/payments-api/overrides.yaml:1',
        '  overrode 2   environments/staging/environment.yaml:9',
        '  overrode 2   platform/defaults.yaml:2',
        '',
      ].join('\n'),
    );
  });

  it('with a map key prints its subtree', () => {
    const text = explain(config(), 'prod', 'payments', 'other', 'resources');
    expect(text.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual(['prod/payments/other', 'resources.cpu', 'resources.memory']);
  });

  it('an unknown key is a ConfigError with a suggestion', () => {
    expect(() => explain(config(), 'staging', 'payments', 'payments-api', 'replcias')).toThrow(ConfigError);
    expect(() => explain(config(), 'staging', 'payments', 'payments-api', 'replcias')).toThrow(
      /^staging\/payments\/payments-api: unknown key 'replcias' \(did you mean 'replicas'\?\)/,
    );
  });

  it('explainJson gives the same facts as data', () => {
    expect(explainJson(config(), 'staging', 'payments', 'payments-api', 'replicas')).toEqual({
      environment: 'staging',
      namespace: 'payments',
      service: 'payments-api',
      key: 'replicas',
      values: {
        replicas: {
          value: 3,
          file: OVERRIDES,
          line: 1,
          overrode: [
            { value: 2, file: 'environments/staging/environment.yaml', line: 9 },
            { value: 2, file: 'platform/defaults.yaml', line: 2 },
          ],
        },
      },
    });
  });
});

describe('provenance across a replaced value', () => {
  it('a map that replaces autoscaling: false shows false as what it overrode, and false shows the map', () => {
    const c = loadConfig(
      treeWith({
        'environments/staging/payments/tenant.yaml': 'team: t\ndefaults:\n  autoscaling: {min: 2, max: 4, cpuPercent: 70}\n',
        'environments/prod/payments/tenant.yaml': 'defaults:\n  autoscaling: false\n',
      }),
    );
    const staging = c.service('staging', 'payments', 'x').provenance;
    expect(staging.get('autoscaling.min')?.overrode).toEqual([{ value: false, file: 'platform/defaults.yaml', line: 9 }]);
    const prod = c.service('prod', 'payments', 'x').provenance;
    expect(prod.get('autoscaling')).toMatchObject({
      value: false,
      file: 'environments/prod/payments/tenant.yaml',
      line: 2,
      overrode: [{ value: { min: 2, max: 4, cpuPercent: 70 }, file: 'environments/staging/payments/tenant.yaml', line: 3 }],
    });
  });
});
