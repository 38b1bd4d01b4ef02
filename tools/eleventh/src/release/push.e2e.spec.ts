/** --push against a real bare remote: two CLI processes race from two clones; both land, nothing is lost. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { cloneAs, runAsync } from './push-fixture';
import { createReleaseRepo, readRecipeFile, touchService } from './release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let dir: string;

const clone = (name: string): string => cloneAs(join(dir, 'remote.git'), dir, name);

beforeAll(() => {
  repo = createReleaseRepo();
  dir = mkdtempSync(join(tmpdir(), 'eleventh-push-'));
  git(['clone', '--quiet', '--bare', repo.root, join(dir, 'remote.git')], { cwd: dir });
});
afterAll(() => {
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('recipe --commit --push', () => {
  it('two racing jobs from two clones both land: the loser fetches, rebases, re-computes and retries', async () => {
    const a = clone('a');
    const b = clone('b');
    touchService(a, 'payments-api', 'payments-api: faster refunds');
    touchService(b, 'customer-api', 'customer-api: new endpoint');
    const [ra, rb] = await Promise.all([runAsync(a, ['recipe', '--commit', '--push']), runAsync(b, ['recipe', '--commit', '--push', 'origin'])]);
    expect(ra.status, ra.stderr).toBe(0);
    expect(rb.status, rb.stderr).toBe(0);
    const check = clone('check');
    const subjects = gitText(['log', '--format=%s'], { cwd: check }).split('\n');
    expect(subjects).toContain('payments-api: faster refunds');
    expect(subjects).toContain('customer-api: new endpoint');
    const recipe = readRecipeFile(check, 'staging');
    const subjectOf = (sha: string) => gitText(['log', '-1', '--format=%s', sha], { cwd: check });
    expect(subjectOf(recipe.services['payments-api'].commit)).toBe('payments-api: faster refunds');
    expect(subjectOf(recipe.services['customer-api'].commit)).toBe('customer-api: new endpoint');
    const recipeCommits = subjects.filter((s) => s.startsWith('eleventh recipe staging:'));
    expect(recipeCommits.length).toBeGreaterThanOrEqual(2);
    expect(`${ra.stderr}${rb.stderr}`).toMatch(/rejected \(attempt 1, [\d.]+ s of 600\.0 s\); retrying in \d+ ms: fetching, rebasing and re-computing/);
    expect(gitText(['status', '--porcelain'], { cwd: check })).toBe('');
  });
});
