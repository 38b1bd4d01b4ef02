/**
 * `eleventh preview` on a real repository (the example organisation with committed recipes, the real Nx
 * graph, real git): a deploy.ts edit, a tenant quota change, writing nothing, a bad --base.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { preview } from './preview';
import { changedLines, edit, env, resetRepo, stateOf } from './preview-fixture';

let repo: ExampleRepo & { recipeCommit: string };
let root: string;

beforeAll(() => {
  repo = createRecipedRepo('eleventh-preview-');
  root = repo.root;
});
afterAll(() => repo.cleanup());
afterEach(() => resetRepo(root, repo.recipeCommit));

describe('a deploy.ts edit', () => {
  it("changes that service's manifests in every environment that follows main, with the exact lines; promoted ones are unaffected", async () => {
    edit(root, 'services/payments-api/deploy.ts', 'port: 8080,', 'port: 9090,');
    const p = await preview({ root });
    expect(p.base).toEqual({ label: 'merge-base with main', commit: repo.recipeCommit });
    expect(p.uncommitted).toEqual(['services/payments-api/deploy.ts']);
    for (const name of ['staging', 'ops-staging']) {
      const e = env(p, name);
      expect(e.changes.map((u) => [u.kind, u.name])).toEqual([['service', 'payments-api']]);
      const unit = e.changes[0];
      expect(changedLines(unit, `environments/${name}/payments/payments-api/deployment.yaml`)).toEqual(['-          containerPort: 8080', '+          containerPort: 9090']);
      expect(unit.files.map((f) => f.status)).toEqual(unit.files.map(() => 'modified'));
      expect(unit.added).toBe(unit.removed);
      // deploy.ts shapes manifests, not images: no pin moves.
      expect(e.pins).toEqual([]);
      expect(e.policies).toEqual([]);
    }
    for (const name of ['preprod', 'prod']) expect(env(p, name)).toMatchObject({ changes: [], pins: [], policies: [], promotedFrom: name === 'prod' ? 'preprod' : 'staging' });
  });

  it('prints Markdown with a table, a collapsible diff, and says why preprod and prod do not change', () => {
    edit(root, 'services/payments-api/deploy.ts', 'port: 8080,', 'port: 9090,');
    const res = runEleventh(root, ['preview', '--format', 'md']);
    expect(res.status, res.stderr).toBe(0);
    const md = res.stdout;
    expect(md.startsWith('<!-- eleventh-preview -->\n## eleventh preview\n')).toBe(true);
    expect(md).toContain('| environment | manifests | pins moving | policies |');
    expect(md).toContain('| staging | 1 service changed | 0 | ✅ |');
    expect(md).toMatch(/\| service payments-api \(payments\) \| \d+ \| \+(\d+) \| −\1 \|/);
    expect(md).toContain('<details><summary>service payments-api (payments): +');
    expect(md).toContain('-          containerPort: 8080\n+          containerPort: 9090\n');
    expect(md).toContain('### prod\n\nUnchanged — promoted from preprod: it changes only by `eleventh promote` or `eleventh rollback`.');
    expect(md).toContain('No pin moves: the same images, new manifests.');
  });
});

describe('a tenant quota change', () => {
  it("shows the namespace's ResourceQuota diff", async () => {
    edit(root, 'environments/staging/payments/tenant.yaml', "cpu: '16'", "cpu: '24'");
    const p = await preview({ root });
    const staging = env(p, 'staging');
    expect(staging.changes.map((u) => [u.kind, u.name])).toEqual([['namespace', 'payments']]);
    const unit = staging.changes[0];
    expect(unit.files).toEqual([{ path: 'environments/staging/payments/resource-quota.yaml', status: 'modified', added: 1, removed: 1 }]);
    expect(changedLines(unit, 'environments/staging/payments/resource-quota.yaml')).toEqual(['-    requests.cpu: "16"', '+    requests.cpu: "24"']);
    expect(unit.diff).toEqual([
      '--- a/environments/staging/payments/resource-quota.yaml',
      '+++ b/environments/staging/payments/resource-quota.yaml',
      '@@ -11,6 +11,6 @@',
      '     eleventh.dev/environment: staging',
      ' spec:',
      '   hard:',
      '-    requests.cpu: "16"',
      '+    requests.cpu: "24"',
      '     requests.memory: 32Gi',
      '     pods: "80"',
    ]);
    expect(env(p, 'preprod').changes).toEqual([]);
    expect(staging.pins).toEqual([]);
  });
});

describe('writes nothing', () => {
  it('leaves git status, refs, the index and every file as they were', async () => {
    edit(root, 'services/payments-api/deploy.ts', 'port: 8080,', 'port: 9090,');
    edit(root, 'services/shared/runtime/src/index.ts', /$/, '// preview\n');
    git(['add', 'services/payments-api/deploy.ts'], { cwd: root }); // one staged change, one not
    edit(root, 'environments/staging/payments/tenant.yaml', "pods: 80", 'pods: 90');
    const before = stateOf(root);
    expect(before.status).not.toBe('');
    const res = runEleventh(root, ['preview', '--format', 'json']);
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout).environments.length).toBe(4);
    expect(stateOf(root)).toEqual(before);
  });
});

describe('bad input', () => {
  it("--base naming no revision: one line, exit 2, nothing on stdout", () => {
    const res = runEleventh(root, ['preview', '--base', 'no-such-branch']);
    expect(res.status).toBe(2);
    expect(res.stderr).toBe("--base: unknown revision 'no-such-branch' (expected a branch, tag or commit)\n");
    expect(res.stdout).toBe('');
  });

  it('an unknown --format: exit 2', () => {
    const res = runEleventh(root, ['preview', '--format', 'yaml']);
    expect(res.status).toBe(2);
    expect(res.stderr.split('\n')[0]).toBe("eleventh: preview: --format: unknown value 'yaml' (expected one of: md, text, json)");
  });

  it('compares with the merge-base with origin/main when that branch exists', async () => {
    git(['update-ref', 'refs/remotes/origin/main', repo.initial], { cwd: root });
    const p = await preview({ root });
    expect(p.base).toEqual({ label: 'merge-base with origin/main', commit: repo.initial });
    // Against the first commit (no rendered files yet), every generated file is new.
    expect(env(p, 'staging').changes.every((u) => u.files.every((f) => f.status === 'added'))).toBe(true);
  });
});
