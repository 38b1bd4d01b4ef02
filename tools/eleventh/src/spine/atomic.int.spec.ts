/**
 * Atomicity of a real engine run under an injected failure: everything is rendered and validated in memory,
 * every changed file is staged under a temporary name, and a failure before the renames leaves the tree
 * exactly as it was — no temporary files, no half-rendered environment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planRun } from '../engine/plan';
import { writePlanFor } from '../engine/apply';
import { applyPlan } from '../write';
import { git } from '../git/run';
import { createRecipedRepo, type ExampleRepo } from '../testing/example-repo';
import { changedFiles, snapshotTree } from './tree-snapshot';

let repo: ExampleRepo;

beforeAll(() => {
  repo = createRecipedRepo();
});
afterAll(() => repo.cleanup());

describe('an engine run interrupted by a write failure', () => {
  it('leaves every file as it was and no temporary files behind', async () => {
    const file = 'environments/staging/environment.yaml';
    writeFileSync(join(repo.root, file), readFileSync(join(repo.root, file), 'utf8').replace('LOG_LEVEL: info', 'LOG_LEVEL: debug'));
    git(['commit', '-qam', 'staging: debug logging'], { cwd: repo.root });
    const plan = await planRun({ root: repo.root, mode: 'recipe' });
    const wp = writePlanFor(repo.root, plan);
    expect(wp.update.length).toBeGreaterThan(5);
    const before = snapshotTree(repo.root);
    await expect(
      applyPlan(repo.root, wp, {
        beforeRename: () => {
          throw new Error('injected: disk full');
        },
      }),
    ).rejects.toThrow('injected: disk full');
    expect(changedFiles(before, snapshotTree(repo.root))).toEqual([]);
    expect(git(['status', '--porcelain', '--untracked-files=all'], { cwd: repo.root }).stdout).toBe('');
  });

  it('then completes on the next run, changing exactly the files the plan named', async () => {
    const plan = await planRun({ root: repo.root, mode: 'recipe' });
    const wp = writePlanFor(repo.root, plan);
    await applyPlan(repo.root, wp);
    const changed = git(['status', '--porcelain'], { cwd: repo.root }).stdout.split('\n').filter(Boolean).map((l) => l.slice(3)).sort();
    expect(changed).toEqual([...wp.update, ...wp.create].sort());
    expect(readFileSync(join(repo.root, 'environments/staging/payments/payments-api/deployment.yaml'), 'utf8')).toContain('value: debug');
  });
});
