/** This repository's CI definitions parse and run the release workflow's commands. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/fixture';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const load = (rel: string): Json => parse(readFileSync(join(REPO_ROOT, rel), 'utf8'), { strict: true, uniqueKeys: true });
const scripts = (steps: Json[]): string => steps.map((s) => s.run ?? '').join('\n');

describe('GitHub workflows', () => {
  it('main: full history, nx affected test/build/recipe, then recipe --commit --push on push only', () => {
    const wf = load('.github/workflows/main.yml');
    expect(wf.on.push.branches).toEqual(['main']);
    const steps = wf.jobs.affected.steps;
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(scripts(steps)).toContain('npx nx affected -t test build recipe');
    const order = ['npx nx affected -t test build recipe', 'npx eleventh render --check', 'npx eleventh verify'].map((cmd) => steps.findIndex((s: Json) => s.run === cmd));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const push = steps.find((s: Json) => String(s.run ?? '').includes('recipe --commit --push'));
    expect(push.if).toBe("github.event_name == 'push'");
    expect(wf.permissions.contents).toBe('write');
  });

  it('promote: preprod-v* → preprod, prod-v* → prod behind the protected prod environment', () => {
    const wf = load('.github/workflows/promote.yml');
    expect(wf.on.push.tags).toEqual(['preprod-v*', 'prod-v*']);
    expect(wf.jobs.preprod.if).toBe("startsWith(github.ref_name, 'preprod-v')");
    expect(scripts(wf.jobs.preprod.steps)).toContain('npx eleventh promote --to preprod --tag "${{ github.ref_name }}" --commit --push origin');
    expect(wf.jobs.prod.environment).toEqual({ name: 'prod' });
    expect(scripts(wf.jobs.prod.steps)).toContain('npx eleventh promote --to prod --tag "${{ github.ref_name }}" --commit --push origin');
    for (const job of [wf.jobs.preprod, wf.jobs.prod]) expect(job.steps[0].with['fetch-depth']).toBe(0);
  });
});

describe('GitLab CI', () => {
  it('has the same three paths, prod in a protected environment', () => {
    const ci = load('.gitlab-ci.yml');
    expect(ci.variables.GIT_DEPTH).toBe('0');
    expect(ci.affected.script.join('\n')).toContain('npx nx affected -t test build recipe');
    expect(ci.affected.script.join('\n')).toContain('npx eleventh render --check');
    expect(ci.recipe.script.join('\n')).toContain('npx eleventh recipe --commit --push origin');
    expect(ci['promote-preprod'].rules[0].if).toBe('$CI_COMMIT_TAG =~ /^preprod-v/');
    expect(ci['promote-prod'].environment.name).toBe('prod');
    expect(ci['promote-prod'].script.join('\n')).toContain('npx eleventh promote --to prod --tag "$CI_COMMIT_TAG" --commit --push origin');
  });
});
