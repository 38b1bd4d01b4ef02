/**
 * `recipe` re-checks only the namespaces whose policy verdict can have moved (policy-scope.ts). These specs
 * show it still refuses everything a full check refuses, in committed history as CI runs it: a quota cut
 * with no service changed, an exception removed, and a change whose quota sum includes services `recipe`
 * keeps (their objects read from disk); and that the scope is what it says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { readRecipe } from '../recipe/recipe';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { commitFiles, headSha, writeFiles } from '../testing/fixture-git';
import { policyScope } from './policy-scope';

const NOW = '2026-04-01';
const PAYMENTS = 'environments/staging/payments/tenant.yaml';
const OVERRIDES = 'environments/staging/payments/payments-api/overrides.yaml';
const ENV_FILE = 'environments/staging/environment.yaml';

let repo: ExampleRepo;
const run = (...args: string[]) => runEleventh(repo.root, args, { ELEVENTH_NOW: NOW });
const read = (file: string): string => readFileSync(join(repo.root, file), 'utf8');
const withPods = (text: string, pods: number): string => text.replace(/pods: \d+/, `pods: ${pods}`);
const exceptionFor = (rule: string): string => `policy:\n  exceptions:\n    - rule: ${rule}\n      reason: OPS-12 capacity review\n      expires: 2026-12-31\n`;

/** `recipe`, then commit what it wrote (as CI does); returns its result. */
function recipeAndCommit(): ReturnType<typeof run> {
  const res = run('recipe', '--env', 'staging');
  if (res.status === 0) {
    git(['add', '-A', 'environments'], { cwd: repo.root });
    git(['commit', '-q', '--allow-empty', '-m', 'recipe'], { cwd: repo.root });
  }
  return res;
}

/** The pods the payments services need at their peak now (what quota-admits-peak sums). */
function paymentsPeakPods(): number {
  writeFiles(repo.root, { [PAYMENTS]: withPods(read(PAYMENTS), 1) });
  try {
    const res = run('policy', '--env', 'staging', '--json');
    const finding = (JSON.parse(res.stdout) as { findings: Array<{ message: string }> }).findings.find((f) => f.message.includes('quota.pods 1 is below'));
    const peak = /below the peak of its services, (\d+) =/.exec(finding?.message ?? '')?.[1];
    if (!peak) throw new Error(`no quota finding in:\n${res.stdout}\n${res.stderr}`);
    return Number(peak);
  } finally {
    git(['checkout', '-q', '--', PAYMENTS], { cwd: repo.root });
  }
}

beforeAll(() => {
  repo = createRecipedRepo('eleventh-policy-scope-');
}, 180_000);
afterAll(() => repo?.cleanup());
/** Each spec starts from the reciped example and leaves it as it was. */
let start: string;
beforeEach(() => {
  start = headSha(repo.root);
});
afterEach(() => {
  git(['reset', '-q', '--hard', start], { cwd: repo.root });
  git(['clean', '-q', '-fd'], { cwd: repo.root });
});

describe('recipe: the policies of the namespaces whose verdict can have moved', () => {
  it('counts the services it keeps: a change that tips a quota names the kept ones in the sum', () => {
    const peak = paymentsPeakPods();
    commitFiles(repo.root, { [PAYMENTS]: withPods(read(PAYMENTS), peak) }, 'payments: quota at the peak');
    expect(recipeAndCommit().status).toBe(0);
    // Only payments-api changes; ledger-worker is kept and must still be in the sum.
    commitFiles(repo.root, { [OVERRIDES]: read(OVERRIDES).replace(/max: (\d+)/, (_, n: string) => `max: ${Number(n) + 1}`) }, 'payments-api: one more replica at most');
    const res = recipeAndCommit();
    expect(res.status, res.stderr).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`${PAYMENTS}:\\d+: .*quota\\.pods ${peak} is below the peak of its services, \\d+ = ledger-worker .*payments-api`));
    expect(res.stderr).toContain('nothing written');
  }, 120_000);

  it('refuses a quota cut that changes no service', () => {
    commitFiles(repo.root, { [PAYMENTS]: withPods(read(PAYMENTS), 2) }, 'payments: quota cut');
    const res = recipeAndCommit();
    expect(res.status, res.stderr).toBe(1);
    expect(res.stderr).toMatch(/quota\.pods 2 is below the peak/);
  }, 120_000);

  it('refuses once the exception that allowed a finding is removed, in a tenant.yaml or in environment.yaml', () => {
    const cut = withPods(read(PAYMENTS), 2);
    commitFiles(repo.root, { [PAYMENTS]: cut + exceptionFor('quota-admits-peak') }, 'payments: quota cut, excepted');
    expect(recipeAndCommit().status).toBe(0);
    commitFiles(repo.root, { [PAYMENTS]: cut }, 'payments: exception withdrawn');
    const res = recipeAndCommit();
    expect(res.status, res.stderr).toBe(1);
    expect(res.stderr).toMatch(/quota\.pods 2 is below the peak/);
    git(['reset', '-q', '--hard', 'HEAD~1'], { cwd: repo.root });
    const env = read(ENV_FILE);
    commitFiles(repo.root, { [PAYMENTS]: cut, [ENV_FILE]: env + exceptionFor('quota-admits-peak').replace('rule:', 'namespace: payments\n      rule:') }, 'staging: the exception moves to the environment');
    expect(recipeAndCommit().status).toBe(0);
    commitFiles(repo.root, { [ENV_FILE]: env }, 'staging: exception withdrawn');
    expect(recipeAndCommit().status).toBe(1);
  }, 180_000);

  it('scopes to the namespaces of the services rendered, a tenant.yaml changed since the recipe was written, or all', () => {
    const previous = readRecipe(repo.root, 'staging');
    const services = Object.entries(previous!.services).map(([name, e]) => ({ name, namespace: e.namespace }));
    const scope = (rendered: string[]) => policyScope({ root: repo.root, environment: 'staging', previous, services, rendered });
    expect(scope([])).toEqual(new Set());
    expect(scope(['fraud-scorer'])).toEqual(new Set(['risk']));
    // A service that left a namespace: the one it left is checked too.
    const moved = services.map((s) => (s.name === 'fraud-scorer' ? { ...s, namespace: 'payments' } : s));
    expect(policyScope({ root: repo.root, environment: 'staging', previous, services: moved, rendered: ['fraud-scorer'] })).toEqual(new Set(['payments', 'risk']));
    writeFiles(repo.root, { [PAYMENTS]: `${read(PAYMENTS)}# reviewed\n` });
    expect(scope(['fraud-scorer'])).toEqual(new Set(['payments', 'risk']));
    writeFiles(repo.root, { [ENV_FILE]: `${read(ENV_FILE)}# reviewed\n` });
    expect(scope([])).toBe('all');
    git(['checkout', '-q', '--', '.'], { cwd: repo.root });
    writeFiles(repo.root, { 'environments/staging/recipe.yaml': `${read('environments/staging/recipe.yaml')}# edited\n` });
    expect(scope([])).toBe('all');
    git(['checkout', '-q', '--', '.'], { cwd: repo.root });
    expect(policyScope({ root: repo.root, environment: 'staging', previous: undefined, services, rendered: [] })).toBe('all');
  });
});
