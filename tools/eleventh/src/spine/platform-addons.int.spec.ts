/**
 * The platform layer through the real command on a real repository: add-ons in the recipe, a chart bump
 * moving staging and not prod until a promotion, every environment building with `kubectl kustomize`, and
 * bad platform input (unknown add-on, a version range, an unknown profile) at path:line, exit 2, nothing written.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { hasKubectl } from '../testing/example-repo';
import { cli, commitAll, createReleaseRepo, ok, readRecipeFile, snapshotTree } from '../release/release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;
const CERT_MANAGER = 'platform/src/addons/cert-manager.ts';
const ENVS = ['staging', 'ops-staging', 'preprod', 'prod'];

beforeAll(() => {
  repo = createReleaseRepo('eleventh-addons-');
  root = repo.root;
});
afterAll(() => repo.cleanup());

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const edit = (path: string, from: string | RegExp, to: string) => {
  const before = read(path);
  const after = before.replace(from, to);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  writeFileSync(join(root, path), after);
  return before;
};

/** Run with `path` edited, restore it after; returns the result and whether anything under environments/ changed. */
function badInput(path: string, from: string | RegExp, to: string) {
  const saved = edit(path, from, to);
  const before = snapshotTree(root, 'environments');
  try {
    const res = cli(root, 'render');
    return { ...res, unchanged: JSON.stringify([...snapshotTree(root, 'environments')]) === JSON.stringify([...before]) };
  } finally {
    writeFileSync(join(root, path), saved);
  }
}

describe('add-ons in the recipe', () => {
  it('lists each add-on with chart, exact version, repository and values digest', () => {
    const addons = readRecipeFile(root, 'staging').addons!;
    expect(Object.keys(addons)).toEqual(['cert-manager', 'external-secrets', 'kube-prometheus-stack', 'kyverno', 'kyverno-policies', 'observability-blackbox-exporter', 'traefik']);
    expect(addons['cert-manager']).toEqual({ chart: 'cert-manager', version: 'v1.21.1', repository: 'https://charts.jetstack.io', values: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(readRecipeFile(root, 'prod').addons!['cert-manager'].version).toBe('v1.21.1');
  });

  it.runIf(hasKubectl())('every environment builds with kubectl kustomize, HelmReleases included', () => {
    for (const env of ENVS) {
      const res = spawnSync('kubectl', ['kustomize', `environments/${env}`], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(res.status, `${env}: ${res.stderr}`).toBe(0);
      expect(res.stdout).toContain('kind: HelmRelease');
      expect(res.stdout).toContain('name: kyverno-policies');
    }
  });
});

describe('a chart version bump on main', () => {
  let bump: string;
  beforeAll(() => {
    git(['tag', 'preprod-v1'], { cwd: root });
    ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--commit']);
    edit(CERT_MANAGER, "version: 'v1.21.1'", "version: 'v1.21.2'");
    bump = commitAll(root, 'cert-manager: chart v1.21.2');
    ok(root, ['recipe', '--commit']);
  });

  it('reaches the environments that follow main, and only their files', () => {
    for (const env of ['staging', 'ops-staging']) expect(readRecipeFile(root, env).addons!['cert-manager'].version).toBe('v1.21.2');
    expect(read('environments/staging/_platform/base/helm-release-cert-manager.yaml')).toContain('version: v1.21.2');
    const changed = gitText(['diff', '--name-only', `${bump}`, 'HEAD'], { cwd: root }).split('\n');
    expect(changed.some((f) => f.startsWith('environments/preprod/') || f.startsWith('environments/prod/'))).toBe(false);
  });

  it('leaves promoted environments alone: render --check agrees', () => {
    expect(readRecipeFile(root, 'preprod').addons!['cert-manager'].version).toBe('v1.21.1');
    expect(readRecipeFile(root, 'prod').addons!['cert-manager'].version).toBe('v1.21.1');
    expect(read('environments/prod/_platform/base/helm-release-cert-manager.yaml')).toContain('version: v1.21.1');
    expect(cli(root, 'render', '--check').status).toBe(0);
  });

  it('diff, history and the commit message show the add-on move beside service moves', () => {
    const subject = gitText(['log', '-1', '--format=%s', '--', 'environments/staging/recipe.yaml'], { cwd: root });
    expect(subject).toMatch(/^eleventh recipe staging: .*1 add-on moved$/);
    expect(gitText(['log', '-1', '--format=%B', '--', 'environments/staging/recipe.yaml'], { cwd: root })).toContain('add-on cert-manager v1.21.1 → v1.21.2');
    const diff = ok(root, ['diff', bump, 'HEAD', '--env', 'staging']).stdout;
    expect(diff).toContain('add-on       cert-manager v1.21.1 → v1.21.2');
    const json = JSON.parse(ok(root, ['diff', bump, 'HEAD', '--env', 'staging', '--format', 'json']).stdout);
    expect(json.diffs[0].addons).toEqual([{ addon: 'cert-manager', from: expect.objectContaining({ version: 'v1.21.1' }), to: expect.objectContaining({ version: 'v1.21.2' }) }]);
    expect(ok(root, ['diff', bump, 'HEAD', '--env', 'staging', '--format', 'md']).stdout).toContain('| cert-manager | cert-manager | `v1.21.1` | `v1.21.2` |');
    expect(ok(root, ['diff', 'staging', 'prod']).stdout).toContain('add-on       cert-manager v1.21.2 → v1.21.1');
    const history = ok(root, ['history', 'staging']).stdout;
    expect(history).toContain('    add-on cert-manager v1.21.1 → v1.21.2');
    expect(history.split('\n')[0]).toContain('1 add-on(s)');
  });

  it('reaches preprod by promotion, and prod still not', () => {
    git(['tag', 'preprod-v2'], { cwd: root });
    ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v2', '--commit']);
    expect(readRecipeFile(root, 'preprod').addons!['cert-manager'].version).toBe('v1.21.2');
    expect(read('environments/preprod/_platform/base/helm-release-cert-manager.yaml')).toContain('version: v1.21.2');
    expect(readRecipeFile(root, 'prod').addons!['cert-manager'].version).toBe('v1.21.1');
    expect(cli(root, 'verify').status).toBe(0);
  });
});

describe('turning add-ons off per environment', () => {
  it('ops-staging can drop kyverno and its policies; the recipe and folder follow', () => {
    const file = 'environments/ops-staging/environment.yaml';
    const saved = read(file);
    // payments-compliance's policies need kyverno (profile-extras.spec.ts): ops-staging keeps observability only
    const withoutPolicies = saved.replace('  - payments-compliance\n', '');
    if (withoutPolicies === saved) throw new Error(`${file} no longer selects payments-compliance`);
    writeFileSync(join(root, file), `${withoutPolicies}platform:\n  addons:\n    kyverno: false\n    kyverno-policies: false\n`);
    try {
      ok(root, ['render']);
      expect(Object.keys(readRecipeFile(root, 'ops-staging').addons!)).not.toContain('kyverno');
      expect(read('environments/ops-staging/_platform/base/kustomization.yaml')).not.toContain('kyverno');
      expect(Object.keys(readRecipeFile(root, 'staging').addons!)).toContain('kyverno');
    } finally {
      writeFileSync(join(root, file), saved);
      git(['checkout', '-q', '--', 'environments'], { cwd: root });
    }
  });
});

describe('bad platform input: path:line, exit 2, nothing written', () => {
  const STAGING = 'environments/staging/environment.yaml';
  it.each([
    ['an unknown add-on', 'profiles:', 'platform:\n  addons:\n    cert-manger: false\nprofiles:', /^environments\/staging\/environment\.yaml:\d+: unknown add-on 'cert-manger' in 'platform\.addons' \(did you mean 'cert-manager'\?\) \(expected one of: cert-manager, /m],
    ['a version range', 'profiles:', "platform:\n  addons:\n    cert-manager:\n      version: '^1.21'\nprofiles:", /^environments\/staging\/environment\.yaml:\d+: .*version.*exact chart version/m],
    ['an unknown profile', '  - observability', '  - observability\n  - markets-risk', /^environments\/staging\/environment\.yaml:\d+: unknown profile 'markets-risk' \(expected one of: observability, payments-compliance\)/m],
  ])('%s', (_name, from, to, pattern) => {
    const res = badInput(STAGING, from, to);
    expect(res.stderr).toMatch(pattern);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(res.status).toBe(2);
    expect(res.unchanged).toBe(true);
  });

  it('a version range in an add-on definition is refused too', () => {
    const res = badInput(CERT_MANAGER, /version: 'v1\.21\.\d'/, "version: '~1.21'");
    const line = read(CERT_MANAGER).split('\n').findIndex((l) => /version: 'v1\.21\.\d'/.test(l)) + 1;
    expect(res.stderr).toMatch(new RegExp(`^platform/src/addons/cert-manager\\.ts:${line}: chart version '~1\\.21' of 'cert-manager' is a version range \\(expected an exact chart version`, 'm'));
    expect(res.status).toBe(2);
    expect(res.unchanged).toBe(true);
  });
});
