/**
 * ajv as the tests set it up (the published schemas read from disk: what an editor checks against) and the
 * engine (the same ajv over its bundled schemas with its messages, then loadConfig with every rule) agree on
 * which files are good. The engine owns the message: one line, `file:line: …`, counting the modeline as line 1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ajvFindings, strictAjv } from './ajv-testing';
import { loadConfig } from './load';
import { schemaModeline, schemaOfFile } from './schema-files';
import { validateSchema } from './schema-validate';
import { cleanTrees, configProblems, PLATFORM_DEFAULTS_TEXT, treeWith } from './testing';

const OPS = 'environments/ops-staging/environment.yaml';
const PREPROD = 'environments/preprod/environment.yaml';
const TENANT = 'environments/prod/payments/tenant.yaml';
const OVERRIDES = 'environments/staging/payments/api/overrides.yaml';

/** A file as a generator writes it: the modeline first. */
const file = (path: string, ...lines: string[]): [string, string] => [path, [schemaModeline(path), ...lines, ''].join('\n')];

const GOOD: ReadonlyArray<readonly [string, [string, string]]> = [
  ['an environment that states only its differences', file(OPS, 'extends: staging', 'cluster:', '  name: qa')],
  [
    'an environment with signatures, add-ons, a report link and promotion gates',
    file(
      PREPROD,
      'extends: staging',
      'cluster:',
      '  git:',
      '    verify: {mode: Tag, secretRef: release-signers}',
      'platform:',
      '  addons:',
      '    cert-manager: false',
      '    kyverno: {version: v3.2.6}',
      "report: {commitUrl: 'https://git.example.com/acme/platform/-/commit/{sha}'}",
      'promotion:',
      '  from: staging',
      "  tags: 'preprod-v*'",
      '  soak: 1d12h',
      '  freeze:',
      "    - {from: '2026-12-20', to: '2027-01-04', reason: year-end}",
      "    - weekly: {from: 'fri 16:00', to: 'mon 08:00'}",
    ),
  ],
  ['an empty tenant.yaml', file(TENANT)],
  ['a tenant.yaml stating {}', file(TENANT, '{}')],
  ['overrides with every service config key', file(OVERRIDES, 'replicas: 0', 'resources: {cpu: 1, memory: 256Mi}', 'limits: {cpu: 500m}', 'autoscaling: false', "env: {PORT: '8080'}", 'values: {a: {b: 1}}')],
  ['the platform defaults', file('platform/defaults.yaml', PLATFORM_DEFAULTS_TEXT.trimEnd())],
];

const BAD: ReadonlyArray<readonly [string, [string, string], string]> = [
  ['a misspelt key', file(OVERRIDES, 'replcias: 2'), `${OVERRIDES}:2: unknown key 'replcias' (did you mean 'replicas'?)`],
  ['an unknown key in tenant.yaml', file(TENANT, 'owner: payments-team'), `${TENANT}:2: unknown key 'owner' (expected one of: team, quota, network, defaults, policy)`],
  ['a misspelt nested key', file(OPS, 'extends: staging', 'cluster:', '  nmae: qa'), `${OPS}:4: unknown key 'nmae' in 'cluster' (did you mean 'name'?)`],
  ['a misspelt key in defaults', file(OPS, 'extends: staging', 'defaults:', '  replcias: 1'), `${OPS}:4: unknown key 'replcias' in 'defaults' (did you mean 'replicas'?)`],
  ['a word where an integer belongs', file(OVERRIDES, 'replicas: three'), `${OVERRIDES}:2: 'replicas' must be an integer ≥ 0 (expected integer, got 'three')`],
  ['a number where a string belongs', file(OVERRIDES, 'env:', '  PORT: 8080'), `${OVERRIDES}:3: 'env.PORT' must be a string (quote numbers and booleans) (expected string, got 8080)`],
  ['a name where a list belongs', file(OPS, 'extends: staging', 'profiles: observability'), `${OPS}:3: 'profiles' must be a list of profile names (expected list, got 'observability')`],
  [
    'a value outside an enum',
    file(OPS, 'extends: staging', 'cluster:', '  git:', '    verify: {mode: Head, secretRef: keys}'),
    `${OPS}:5: 'cluster.git.verify.mode' must be HEAD, Tag or TagAndHEAD (expected "HEAD" or "Tag" or "TagAndHEAD", got 'Head')`,
  ],
  ['true where false or a map belongs', file(OVERRIDES, 'autoscaling: true'), `${OVERRIDES}:2: 'autoscaling' must be false or a map {min, max, cpuPercent} (expected false or map, got true)`],
  ['a quantity that is not one', file(TENANT, 'quota:', '  cpu: lots'), `${TENANT}:3: 'quota.cpu' must be a Kubernetes quantity such as '250m', '1' or '512Mi' (expected quantity, got 'lots')`],
  ['a percentage over 100', file(OVERRIDES, 'autoscaling: {min: 1, max: 2, cpuPercent: 150}'), `${OVERRIDES}:2: 'autoscaling.cpuPercent' must be an integer from 1 to 100 (expected integer ≤ 100, got 150)`],
  ['a missing required key', file(OPS, 'extends: staging', 'cluster:', '  git:', '    verify: {mode: Tag}'), `${OPS}:5: missing key 'secretRef' in 'cluster.git.verify' (expected secretRef)`],
  [
    'a registry with a tag',
    file(OPS, 'extends: staging', 'registry: registry.example.com/acme:v1'),
    `${OPS}:3: 'registry' must be a registry reference: it has a tag (the engine adds the tag: the pin) (expected lower-case host[:port]/path with no scheme, tag or digest, e.g. registry.example.com/acme, got 'registry.example.com/acme:v1')`,
  ],
  [
    'a plain-http git URL',
    file(OPS, 'extends: staging', 'cluster:', '  git:', '    url: http://git.example.com/acme.git'),
    `${OPS}:5: 'cluster.git.url' must be a git URL Flux can pull: it is plain http (credentials and contents would travel unencrypted) (expected https://host/path, ssh://[user@]host/path or scp-like git@host:path, got 'http://git.example.com/acme.git')`,
  ],
  [
    'a branch git refuses',
    file(OPS, 'extends: staging', 'cluster:', '  git:', "    branch: 'main..'"),
    `${OPS}:5: 'cluster.git.branch' must be a git branch name: it has '..' (expected a branch name \`git check-ref-format --branch\` accepts, e.g. main or release/2026, got 'main..')`,
  ],
  [
    'a tag regex that does not compile',
    file(PREPROD, 'extends: staging', 'promotion:', '  from: staging', "  tags: '/preprod-(v/'"),
    `${PREPROD}:5: 'promotion.tags' must be a tag glob such as 'preprod-v*' or a /regex/: it is not a valid regular expression: /preprod-(v/: Unterminated group (expected a tag glob such as 'prod-v*' or a /regular expression/, got '/preprod-(v/')`,
  ],
  ['a profile name that breaks its pattern (the pattern in words, not the type)', file(OPS, 'extends: staging', 'profiles:', '  - Bad_Name'), `${OPS}:4: 'profiles[0]' must be a profile name (expected lower-case letters, digits and '-', starting and ending with a letter or digit, got 'Bad_Name')`],
  ['an exception expiry that is not a date', file(TENANT, 'policy:', '  exceptions:', '    - {rule: no-host-path, reason: x, expires: next-quarter}'), `${TENANT}:4: 'policy.exceptions[0].expires' must be a date YYYY-MM-DD (expected YYYY-MM-DD, e.g. 2026-06-30, got 'next-quarter')`],
  ['an invalid variable name', file(OVERRIDES, 'env:', "  1BAD: 'x'"), `${OVERRIDES}:3: invalid environment variable name '1BAD' in 'env' (expected letters, digits and '_', not starting with a digit)`],
];

describe('ajv and the engine agree', () => {
  const ajv = strictAjv();
  afterEach(cleanTrees);

  it.each(GOOD)('both accept %s', (_, [path, text]) => {
    const value = parse(text) ?? null;
    expect(ajvFindings(ajv, schemaOfFile(path)!, value)).toEqual([]);
    expect(validateSchema(schemaOfFile(path)!, value)).toEqual([]);
    expect(() => loadConfig(treeWith({ [path]: text }))).not.toThrow();
  });

  it.each(BAD)('both refuse %s; the engine says where', (_, [path, text], message) => {
    const value = parse(text) ?? null;
    expect(ajvFindings(ajv, schemaOfFile(path)!, value)).not.toEqual([]);
    expect(validateSchema(schemaOfFile(path)!, value)).not.toEqual([]);
    expect(configProblems({ [path]: text })).toEqual([message]);
  });
});
