/**
 * Release integrity on a real history, through the real CLI: prod = exactly what preprod ran + prod's own
 * differences; tags off the release branch are refused; verify finds forged pins, forged records and moved tags.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { recipePath } from '../recipe/recipe';
import { cli, commitAll, createReleaseRepo, ok, readRecipeFile, snapshotTree, touchService } from './release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;
let v1: string;
let prodTag: string;

const deployment = (env: string): string => readFileSync(join(root, `environments/${env}/payments/payments-api/deployment.yaml`), 'utf8');
const edit = (path: string, from: string | RegExp, to: string): void => {
  const abs = join(root, path);
  const text = readFileSync(abs, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${path}: nothing to replace`);
  writeFileSync(abs, next);
};

beforeAll(() => {
  repo = createReleaseRepo();
  root = repo.root;
  v1 = repo.recipeCommit;
  git(['tag', 'preprod-v1'], { cwd: root });
  ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--commit']);
  // After preprod-v1: a deploy.ts change (a new container port) and a kit change (platform defaults) land on main.
  edit('services/payments-api/deploy.ts', 'port: 8080', 'port: 9090');
  edit('platform/defaults.yaml', 'env: {}', 'env: {KIT_MARK: after-preprod-v1}');
  commitAll(root, 'payments-api: port 9090; platform: KIT_MARK');
  ok(root, ['recipe', '--commit']);
  // prod states a new difference of its own before prod-v1 is tagged.
  edit('environments/prod/environment.yaml', 'LOG_LEVEL: warn', 'LOG_LEVEL: warn\n    REGION: eu-1');
  commitAll(root, 'prod: REGION');
  prodTag = gitText(['rev-parse', 'HEAD'], { cwd: root });
  git(['tag', 'prod-v1'], { cwd: root });
  ok(root, ['promote', '--to', 'prod', '--tag', 'prod-v1', '--commit']);
});
afterAll(() => repo.cleanup());

describe('a promotion carries the source environment’s release, exactly', () => {
  it('staging (follows main) has the new port; preprod and prod keep what preprod-v1 ran', () => {
    expect(deployment('staging')).toContain('containerPort: 9090');
    expect(deployment('preprod')).toContain('containerPort: 8080');
    expect(deployment('prod')).toContain('containerPort: 8080');
    expect(deployment('prod')).not.toContain('9090');
  });

  it('prod gets its own differences as of its tag (REGION), but not the kit change after preprod-v1', () => {
    const prod = deployment('prod');
    expect(prod).toMatch(/name: REGION\n\s+value: eu-1/);
    expect(readFileSync(join(root, 'environments/staging/payments/payments-api/deployment.yaml'), 'utf8')).not.toContain('REGION');
    expect(prod).not.toContain('KIT_MARK');
    expect(deployment('staging')).toContain('KIT_MARK');
  });

  it('records the tag’s commit and the sources’ commit (preprod-v1’s) in promotedFrom', () => {
    const pf = readRecipeFile(root, 'prod').promotedFrom!;
    expect(pf).toMatchObject({ environment: 'preprod', commit: prodTag, sources: v1, tag: 'prod-v1' });
    expect(readRecipeFile(root, 'prod').services['payments-api'].commit).toBe(readRecipeFile(root, 'preprod').services['payments-api'].commit);
    expect(gitText(['log', '-1', '--format=%B'], { cwd: root })).toContain(`Eleventh-Sources: ${v1}`);
  });

  it('render --check and verify are clean afterwards', () => {
    ok(root, ['render', '--check']);
    ok(root, ['verify']);
  });
});

describe('tags are releases, not any ref', () => {
  it('a tag on a side branch is refused, naming the tag and the branch; nothing written', () => {
    git(['checkout', '--quiet', '-b', 'side'], { cwd: root });
    touchService(root, 'customer-api', 'side: unreviewed');
    git(['tag', 'prod-v9'], { cwd: root });
    git(['checkout', '--quiet', 'main'], { cwd: root });
    const before = snapshotTree(root, 'environments');
    const head = gitText(['rev-parse', 'HEAD'], { cwd: root });
    const res = cli(root, 'promote', '--to', 'prod', '--tag', 'prod-v9', '--commit');
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/tag 'prod-v9' points to [0-9a-f]{12}, which is not on the release branch 'main'/);
    expect(res.stderr).not.toMatch(/\n\s+at /);
    expect(snapshotTree(root, 'environments')).toEqual(before);
    expect(gitText(['rev-parse', 'HEAD'], { cwd: root })).toBe(head);
  });

  it('a promotion.branch that does not exist is bad configuration, at its file and line', () => {
    edit('environments/prod/environment.yaml', "tags: 'prod-v*'", "tags: 'prod-v*'\n  branch: release");
    const before = snapshotTree(root, 'environments');
    const res = cli(root, 'promote', '--to', 'prod', '--tag', 'prod-v1');
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/environments\/prod\/environment\.yaml:\d+: promotion.branch 'release' does not exist in this repository \(expected/);
    expect(snapshotTree(root, 'environments')).toEqual(before);
    git(['checkout', '--', 'environments/prod/environment.yaml'], { cwd: root });
  });
});

describe('bad promotion config through the CLI: path:line, exit 2, nothing written', () => {
  it.each([
    ['an unknown promotion key', "tags: 'prod-v*'", "tags: 'prod-v*'\n  sigend: true", /environments\/prod\/environment\.yaml:\d+: unknown key 'sigend' in 'promotion' \(did you mean 'signed'\?\)/],
    ['a freeze window that ends before it starts', "tags: 'prod-v*'", "tags: 'prod-v*'\n  freeze:\n    - {from: '2027-01-04', to: '2026-12-20'}", /environments\/prod\/environment\.yaml:\d+: freeze window 1 ends/],
  ])('%s', (_name, from, to, message) => {
    edit('environments/prod/environment.yaml', from, to);
    try {
      for (const args of [['promote', '--to', 'prod', '--tag', 'prod-v1', '--commit'], ['render']]) {
        const before = snapshotTree(root, 'environments');
        const res = cli(root, ...args);
        expect(res.status).toBe(2);
        expect(res.stderr).toMatch(message);
        expect(res.stderr).not.toMatch(/\n\s+at /);
        expect(snapshotTree(root, 'environments')).toEqual(before);
      }
    } finally {
      git(['checkout', '--', 'environments/prod/environment.yaml'], { cwd: root });
    }
  });
});

describe('verify re-derives every promoted record', () => {
  function forge(change: (text: string) => string): void {
    const path = join(root, recipePath('prod'));
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  }

  it('a forged pin, consistently re-rendered and committed, is a finding naming the service', () => {
    const head = gitText(['rev-parse', 'HEAD'], { cwd: root });
    const real = readRecipeFile(root, 'prod').services['payments-api'].commit;
    const other = gitText(['rev-parse', 'HEAD~1'], { cwd: root });
    forge((t) => t.split(real).join(other));
    ok(root, ['render', '--env', 'prod']);
    commitAll(root, 'prod: hotfix');
    ok(root, ['render', '--check']);
    const res = cli(root, 'verify');
    expect(res.status).toBe(1);
    expect(res.stdout + res.stderr).toContain(`environments/prod/recipe.yaml: payments-api: pin ${other} is not what preprod ran at ${prodTag.slice(0, 12)}:environments/preprod/recipe.yaml (expected ${real})`);
    git(['reset', '--quiet', '--hard', head], { cwd: root });
  });

  it('a promotedFrom.commit that does not exist is a finding', () => {
    forge((t) => t.split(prodTag).join('0123456789abcdef0123456789abcdef01234567'));
    const res = cli(root, 'verify');
    expect(res.status).toBe(1);
    expect(res.stdout + res.stderr).toContain('environments/prod/recipe.yaml: promotedFrom.commit 0123456789abcdef0123456789abcdef01234567 is not a commit in this repository');
    git(['checkout', '--', recipePath('prod')], { cwd: root });
  });

  it('a promotedFrom.commit off the release branch is a finding', () => {
    const side = gitText(['rev-parse', 'side'], { cwd: root });
    forge((t) => t.split(prodTag).join(side));
    const res = cli(root, 'verify', '--env', 'prod');
    expect(res.status).toBe(1);
    expect(res.stdout + res.stderr).toContain(`promotedFrom.commit ${side.slice(0, 12)} is not on the release branch 'main'`);
    git(['checkout', '--', recipePath('prod')], { cwd: root });
  });

  it('a tag moved after its promotion is a finding', () => {
    git(['tag', '-f', 'prod-v1', 'HEAD~2'], { cwd: root });
    const res = cli(root, 'verify', '--env', 'prod');
    expect(res.status).toBe(1);
    expect(res.stdout + res.stderr).toMatch(/tag 'prod-v1' now points to [0-9a-f]{12}, but the record says/);
    git(['tag', '-f', 'prod-v1', prodTag], { cwd: root });
    ok(root, ['verify', '--env', 'prod']);
  });
});
