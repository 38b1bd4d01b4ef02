/**
 * Rendering in worker threads (render-pool.ts) gives the very same bytes as rendering in-process, and a bad
 * input found inside a worker is still a typed error: exit 2, `path: …`, nothing written.
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { createExampleRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { changedFiles, snapshotTree } from './tree-snapshot';

let repo: ExampleRepo;
const THREADS = { ELEVENTH_RENDER_THREADS: '2' };
const IN_PROCESS = { ELEVENTH_RENDER_THREADS: '0' };

beforeAll(() => {
  repo = createExampleRepo();
});
afterAll(() => repo.cleanup());

const contents = () => [...snapshotTree(repo.root)].map(([p, s]) => [p, s.content]);

describe('rendering in worker threads', () => {
  it('writes byte-identical files and recipes to an in-process render', () => {
    expect(runEleventh(repo.root, ['recipe'], THREADS).status).toBe(0);
    const threaded = contents();
    git(['add', '--all'], { cwd: repo.root });
    git(['commit', '-q', '-m', 'recipe (threads)'], { cwd: repo.root });
    expect(runEleventh(repo.root, ['render'], IN_PROCESS).status).toBe(0);
    expect(contents()).toEqual(threaded);
    const check = runEleventh(repo.root, ['render', '--check'], THREADS);
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
  });

  it('reports a render-time error found in a worker as exit 2 with its path, and writes nothing', () => {
    // The config schema accepts the variable name; only the kit, rendering in the worker, refuses it.
    const file = 'environments/staging/customer/customer-api/overrides.yaml';
    expect(existsSync(join(repo.root, file))).toBe(false);
    writeFileSync(join(repo.root, file), 'env:\n  ELEVENTH_ENVIRONMENT: prod\n');
    try {
      const before = snapshotTree(repo.root);
      const res = runEleventh(repo.root, ['render'], THREADS);
      expect(res.stderr).toMatch(/^services\/customer-api\/deploy\.ts: (ops-)?staging: .*ELEVENTH_ENVIRONMENT/m);
      expect(res.stderr).not.toMatch(/internal error/);
      expect(res.status).toBe(2);
      expect(changedFiles(before, snapshotTree(repo.root))).toEqual([]);
    } finally {
      rmSync(join(repo.root, file));
    }
  });
});
