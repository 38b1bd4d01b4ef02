/** --push against a real bare remote: two CLI processes race from two clones; both land, nothing is lost. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, gitText } from '../git/run';
import { CLI, REPO_ROOT_FOR_TESTS } from './push-fixture';
import { createReleaseRepo, readRecipeFile, touchService } from './release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let dir: string;

function clone(name: string): string {
  const to = join(dir, name);
  git(['clone', '--quiet', join(dir, 'remote.git'), to], { cwd: dir });
  // The example repository commits its node_modules symlink (`.gitignore` has `node_modules/`, which a link does not match).
  if (!existsSync(join(to, 'node_modules'))) symlinkSync(join(REPO_ROOT_FOR_TESTS, 'node_modules'), join(to, 'node_modules'), 'dir');
  for (const [k, v] of [['user.name', name], ['user.email', `${name}@example.com`], ['commit.gpgsign', 'false']]) git(['config', k, v], { cwd: to });
  return to;
}

function runAsync(cwd: string, args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdout.resume();
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

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
    expect(`${ra.stderr}${rb.stderr}`).toMatch(/rejected \(attempt 1\/5\); fetching, rebasing and re-computing/);
    expect(gitText(['status', '--porcelain'], { cwd: check })).toBe('');
  });
});
