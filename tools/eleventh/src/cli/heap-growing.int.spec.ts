/**
 * ELEVENTH_HEAP_GROWING_PERCENT through the real command (src/heap-growing.ts): a malformed value is one
 * usage line, exit 2, nothing written; the setting changes how often V8 collects, never what is written.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { createExampleRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { treeDigest } from '../testing/tree-digest';

let repo: ExampleRepo;
beforeAll(() => {
  repo = createExampleRepo('eleventh-heap-');
}, 60_000);
afterAll(() => repo.cleanup());

const status = (): string => git(['status', '--porcelain', '--untracked-files=all'], { cwd: repo.root }).stdout;
const reset = (): void => {
  git(['checkout', '-q', '-f', 'HEAD'], { cwd: repo.root });
  git(['clean', '-q', '-fdx', '-e', 'node_modules'], { cwd: repo.root });
};
// Threads always, so the setting also reaches render workers; each run with a cache of its own.
const recipe = (percent: string) => runEleventh(repo.root, ['recipe'], { ELEVENTH_HEAP_GROWING_PERCENT: percent, ELEVENTH_RENDER_THREADS: '2', ELEVENTH_CACHE_DIR: join(repo.root, '.git', `cache-${percent.trim() || 'blank'}`) });

describe('ELEVENTH_HEAP_GROWING_PERCENT', () => {
  it.each(['lots', '-5', '2.5', '5000'])('%j: one usage line naming the variable, exit 2, stdout empty, nothing written', (value) => {
    reset();
    const res = recipe(value);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toBe(`eleventh: ELEVENTH_HEAP_GROWING_PERCENT='${value}' is not a percentage (expected a whole number from 0 to 1000, e.g. 100; 0 leaves V8's own choice; default 100)\n`);
    expect(status()).toBe('');
  });

  it("writes the same bytes with V8's own choice (0), the default and a tight 10", () => {
    const digests = ['0', '', '10'].map((value) => {
      reset();
      const res = recipe(value);
      expect(res.status, res.stderr).toBe(0);
      const digest = treeDigest(join(repo.root, 'environments'));
      rmSync(join(repo.root, '.git', `cache-${value || 'blank'}`), { recursive: true, force: true });
      return digest;
    });
    expect(digests[0].files).toBeGreaterThan(10);
    expect(digests[1]).toEqual(digests[0]);
    expect(digests[2]).toEqual(digests[0]);
  }, 120_000);
});
