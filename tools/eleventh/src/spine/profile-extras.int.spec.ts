/**
 * What a profile adds besides objects and add-ons, through the real command on a real repository:
 * Kyverno policies in their own layer applied after the platform (and refused without Kyverno, at the
 * switch's path:line, exit 2, nothing written), and service config defaults resolved in `profiles:` order
 * before the environment chain, named by `explain` and checked against the service config schema.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasKubectl } from '../testing/example-repo';
import { cli, createReleaseRepo, ok, snapshotTree } from '../release/release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;
const OPS = 'environments/ops-staging/environment.yaml';
const COMPLIANCE = 'platform/src/profiles/payments-compliance.ts';
const OBSERVABILITY = 'platform/src/profiles/observability.ts';

beforeAll(() => {
  repo = createReleaseRepo('eleventh-profile-extras-');
  root = repo.root;
});
afterAll(() => repo.cleanup());

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const lineOf = (path: string, re: RegExp) => read(path).split('\n').findIndex((l) => re.test(l)) + 1;

/** Run `fn` with each of `edits` applied ([path, from, to]), restoring every file after. */
function withEdits<T>(edits: ReadonlyArray<readonly [string, string | RegExp, string]>, fn: () => T): T {
  const saved = new Map<string, string>();
  try {
    for (const [path, from, to] of edits) {
      const before = read(path);
      const after = before.replace(from, to);
      if (after === before) throw new Error(`edit of ${path} changed nothing`);
      if (!saved.has(path)) saved.set(path, before);
      writeFileSync(join(root, path), after);
    }
    return fn();
  } finally {
    for (const [path, text] of saved) writeFileSync(join(root, path), text);
  }
}

describe("a profile's Kyverno policies", () => {
  it('render into _platform/<profile>-policies, outside the platform layer, with a Kustomization that dependsOn it', () => {
    expect(read('environments/ops-staging/_platform/payments-compliance-policies/cluster-policy.yaml')).toMatch(/kind: ClusterPolicy\nmetadata:\n {2}name: payments-compliance-immutable-images/);
    expect(read('environments/ops-staging/_platform/kustomization.yaml')).not.toContain('policies');
    expect(read('environments/ops-staging/kustomization.yaml')).toContain('- _platform/payments-compliance-policies\n');
    const flux = read('environments/ops-staging/_flux/kustomization-ops-staging-payments-compliance-policies.yaml');
    expect(flux).toContain('path: ./environments/ops-staging/_platform/payments-compliance-policies\n');
    expect(flux).toMatch(/dependsOn:\n {2}- name: ops-staging-platform\n/);
    expect(read('environments/ops-staging/_flux/kustomization-ops-staging-payments.yaml')).toContain('- name: ops-staging-payments-compliance-policies');
    // staging does not select the profile: no policies layer there
    expect(read('environments/staging/kustomization.yaml')).not.toContain('policies');
  });

  it.runIf(hasKubectl())('are in the whole-environment kubectl kustomize build', () => {
    const res = spawnSync('kubectl', ['kustomize', 'environments/ops-staging'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain('kind: ClusterPolicy');
  });

  it('with kyverno turned off: exit 2 at the switch, naming the profile, nothing written', () => {
    const res = withEdits([[OPS, /$/, 'platform:\n  addons:\n    kyverno: false\n    kyverno-policies: false\n']], () => {
      const line = lineOf(OPS, /^ {4}kyverno: false/);
      const before = JSON.stringify([...snapshotTree(root, 'environments')]);
      const run = cli(root, 'render');
      return { ...run, line, unchanged: JSON.stringify([...snapshotTree(root, 'environments')]) === before };
    });
    expect(res.stderr).toMatch(new RegExp(`^environments/ops-staging/environment\\.yaml:${res.line}: profile 'payments-compliance' declares Kyverno policies, but add-on 'kyverno' is turned off \\(platform\\.addons\\.kyverno: false\\)`, 'm'));
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(res.status).toBe(2);
    expect(res.unchanged).toBe(true);
  });
});

describe("a profile's service config defaults", () => {
  const OBS_DEFAULTS = "  defaults: { env: { AUDIT_LOG: 'off', LOG_LEVEL: 'debug' } },\n  addons: [blackboxExporter],";
  const explainEnv = () => JSON.parse(ok(root, ['explain', 'ops-staging/payments/payments-api', 'env', '--json']).stdout).values;

  it('reach the rendered manifests of an environment that selects the profile', () => {
    expect(read('environments/ops-staging/payments/payments-api/deployment.yaml')).toMatch(/- name: AUDIT_LOG\n\s+value: "?on"?/);
    expect(read('environments/staging/payments/payments-api/deployment.yaml')).not.toContain('AUDIT_LOG');
  });

  it('the later profile in profiles: wins, the environment beats both, and explain names the profile file:line', () => {
    const values = withEdits([[OBSERVABILITY, '  addons: [blackboxExporter],', OBS_DEFAULTS]], explainEnv);
    const complianceLine = lineOf(COMPLIANCE, /AUDIT_LOG: 'on'/);
    expect(values['env.AUDIT_LOG']).toMatchObject({ value: 'on', file: COMPLIANCE, line: complianceLine, overrode: [{ value: 'off', file: OBSERVABILITY }] });
    expect(values['env.LOG_LEVEL']).toMatchObject({ value: 'info', file: 'environments/staging/environment.yaml', overrode: [{ value: 'debug', file: OBSERVABILITY }] });
  });

  it('listed the other way round, the other profile wins', () => {
    const values = withEdits(
      [
        [OBSERVABILITY, '  addons: [blackboxExporter],', OBS_DEFAULTS],
        [OPS, '  - observability\n  - payments-compliance\n', '  - payments-compliance\n  - observability\n'],
      ],
      explainEnv,
    );
    expect(values['env.AUDIT_LOG']).toMatchObject({ value: 'off', file: OBSERVABILITY, overrode: [{ value: 'on', file: COMPLIANCE }] });
  });

  it('a bad key is reported at the profile file, exit 2, nothing written', () => {
    const before = snapshotTree(root, 'environments');
    const res = withEdits([[COMPLIANCE, "env: { AUDIT_LOG: 'on' },", "env: { AUDIT_LOG: 'on' },\n    replcias: 2,"]], () => ({ ...cli(root, 'render'), line: lineOf(COMPLIANCE, /replcias: 2/) }));
    expect(res.stderr).toMatch(new RegExp(`^platform/src/profiles/payments-compliance\\.ts:${res.line}: profile 'payments-compliance' defaults: unknown key 'replcias'.*did you mean 'replicas'`, 'm'));
    expect(res.status).toBe(2);
    expect(JSON.stringify([...snapshotTree(root, 'environments')])).toBe(JSON.stringify([...before]));
  });
});
