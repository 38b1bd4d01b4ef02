/** promotion.mirrorOf: a DR environment gets every promotion and rollback of prod, in the same commit, with its own differences. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { cli, commitAll, createReleaseRepo, ok, readRecipeFile, touchService } from './release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let root: string;

const pins = (env: string): Record<string, string> => Object.fromEntries(Object.entries(readRecipeFile(root, env).services).map(([n, e]) => [n, e.commit]));
const deployment = (env: string): string => readFileSync(join(root, `environments/${env}/payments/payments-api/deployment.yaml`), 'utf8');

beforeAll(() => {
  repo = createReleaseRepo();
  root = repo.root;
}, 120_000);
afterAll(() => repo.cleanup());

describe('a mirror of prod', () => {
  beforeAll(() => {
    const envDir = join(root, 'environments/dr');
    mkdirSync(envDir, { recursive: true });
    writeFileSync(join(envDir, 'environment.yaml'), 'extends: prod\ncluster:\n  name: dr-eu-2\npromotion:\n  mirrorOf: prod\ndefaults:\n  env:\n    SITE: dr\n');
    for (const ns of ['customer', 'payments', 'risk']) {
      mkdirSync(join(envDir, ns), { recursive: true });
      writeFileSync(join(envDir, ns, 'tenant.yaml'), '{}\n');
    }
    commitAll(root, 'dr: mirror of prod');
    ok(root, ['recipe', '--commit']);
  });

  it('is seeded from prod’s record, with its own differences', () => {
    expect(pins('dr')).toEqual(pins('prod'));
    const pf = readRecipeFile(root, 'dr').promotedFrom!;
    expect(pf.mirrorOf).toBe('prod');
    expect(pf.environment).toBe(readRecipeFile(root, 'prod').promotedFrom!.environment);
    expect(deployment('dr')).toMatch(/name: SITE\n\s+value: dr/);
    expect(deployment('prod')).not.toContain('SITE');
    expect(readRecipeFile(root, 'dr').promotedFrom!.sources).toBe(readRecipeFile(root, 'prod').promotedFrom!.sources);
    ok(root, ['verify', '--env', 'dr']);
  });

  it('moves with every promotion of prod, in the same commit', () => {
    const moved = touchService(root, 'payments-api', 'payments-api: refunds v2');
    ok(root, ['recipe', '--commit']);
    git(['tag', 'preprod-v1'], { cwd: root });
    ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1', '--commit']);
    git(['tag', 'prod-v1'], { cwd: root });
    ok(root, ['promote', '--to', 'prod', '--tag', 'prod-v1', '--commit']);
    expect(pins('prod')['payments-api']).toBe(moved);
    expect(pins('dr')).toEqual(pins('prod'));
    const files = gitText(['show', '--name-only', '--format=', 'HEAD'], { cwd: root }).split('\n');
    expect(files).toContain('environments/prod/recipe.yaml');
    expect(files).toContain('environments/dr/recipe.yaml');
    const body = gitText(['log', '-1', '--format=%B'], { cwd: root });
    expect(body).toContain('Eleventh-Mirror: dr');
    expect(readRecipeFile(root, 'dr').promotedFrom).toMatchObject({ tag: 'prod-v1', mirrorOf: 'prod' });
  });

  it('moves with every rollback of prod, and verify is clean', () => {
    touchService(root, 'payments-api', 'payments-api: refunds v3');
    ok(root, ['recipe', '--commit']);
    git(['tag', 'preprod-v2'], { cwd: root });
    ok(root, ['promote', '--to', 'preprod', '--tag', 'preprod-v2', '--commit']);
    git(['tag', 'prod-v2'], { cwd: root });
    ok(root, ['promote', '--to', 'prod', '--tag', 'prod-v2', '--commit']);
    const atV2 = readRecipeFile(root, 'prod').services['payments-api'].commit;
    ok(root, ['rollback', 'prod', '--to', 'prod-v1', '--commit']);
    expect(pins('dr')).toEqual(pins('prod'));
    expect(pins('dr')['payments-api']).not.toBe(atV2);
    expect(gitText(['log', '-1', '--format=%B'], { cwd: root })).toMatch(/Eleventh-Rollback: prod-v2 -> prod-v1/);
    ok(root, ['verify']);
  });

  it('a mirror cannot be promoted or rolled back itself (exit 2)', () => {
    const res = cli(root, 'promote', '--to', 'dr', '--tag', 'prod-v1');
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('dr mirrors prod: it changes with every promotion and rollback of prod');
    expect(cli(root, 'rollback', 'dr', '--to', 'prod-v1').status).toBe(2);
  });

  it('a hand edit of the mirror’s pins is a verify finding', () => {
    const path = join(root, 'environments/dr/recipe.yaml');
    const real = pins('dr')['payments-api'];
    const other = gitText(['rev-parse', 'HEAD~3'], { cwd: root });
    writeFileSync(path, readFileSync(path, 'utf8').split(real).join(other));
    const res = cli(root, 'verify', '--env', 'dr');
    expect(res.status).toBe(1);
    expect(res.stdout + res.stderr).toContain(`environments/dr/recipe.yaml: payments-api: pin ${other} is not what prod ran`);
    git(['checkout', '--', 'environments/dr'], { cwd: root });
  });
});
