/**
 * The warm-up (warm-up.ts) only fills caches: it must record what passes, never run a deploy.ts that fails
 * its type-check, survive a deploy.ts that hangs (the pool stays usable), and start only on a cold cache or for a full render.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { blobId, cachedHeaderCount, recordHeaders } from '../load/services';
import { typeCheckDeployFiles } from '../load/typecheck';
import { createFixtureRepo, writeFiles, type FixtureRepo } from '../testing/fixture';
import { startWarmUp } from './warm-up';

let repo: FixtureRepo;
let cache: string | undefined;
const saved = { ...process.env };
const deploy = (name: string, extra = '') => `import { defineService } from '@eleventh/platform';\n${extra}\nexport default defineService({ name: '${name}', namespace: 'ns-a', type: 'worker' });\n`;
const marker = () => join(repo.root, 'ran.txt');
const GOOD = ['services/good-a/deploy.ts', 'services/good-b/deploy.ts'];

beforeAll(() => {
  repo = createFixtureRepo({ services: [{ name: 'good-a' }, { name: 'good-b' }, { name: 'typo' }] });
  writeFiles(repo.root, {
    [GOOD[0]]: deploy('good-a'),
    [GOOD[1]]: deploy('good-b'),
    // A type error with a side effect: the warm-up must not run it.
    'services/typo/deploy.ts': deploy('typo', `require('node:fs').writeFileSync(${JSON.stringify(marker())}, 'ran');\nconst n: number = 'x';`),
  });
});
afterAll(() => repo.cleanup());
afterEach(() => {
  process.env = { ...saved };
  if (cache) rmSync(cache, { recursive: true, force: true });
});

function coldCache(env: Record<string, string> = {}): void {
  if (cache) rmSync(cache, { recursive: true, force: true });
  cache = mkdtempSync(join(tmpdir(), 'eleventh-warm-cache-'));
  process.env = { ...saved, ELEVENTH_CACHE_DIR: cache, ELEVENTH_WARM_UP_MIN: '2', ELEVENTH_DEPLOY_TIMEOUT: '1', ...env };
}

describe('the warm-up', () => {
  it('records the headers of the files that pass and runs none that fails its type-check', async () => {
    coldCache();
    const warm = startWarmUp(repo.root)!;
    expect(warm).toBeDefined();
    try {
      await warm.done;
    } finally {
      await warm.pool.close();
    }
    expect(existsSync(marker())).toBe(false);
    expect(cachedHeaderCount()).toBe(2);
    expect(startWarmUp(repo.root)).toBeUndefined(); // the header cache is warm now
    // The run's own type-check, keyed by the blob ids pins know, finds both files passed: it checks nothing and
    // leaves the cache as the warm-up wrote it.
    const types = join(cache!, 'deploy-types.json');
    const before = readFileSync(types, 'utf8');
    expect(Object.keys(JSON.parse(before) as object)).toHaveLength(2);
    typeCheckDeployFiles(repo.root, GOOD, (p) => blobId(readFileSync(join(repo.root, p))));
    expect(readFileSync(types, 'utf8')).toBe(before);
  }, 60_000);

  it('outlives a deploy.ts that hangs: the pool replaces the worker and stays usable', async () => {
    writeFiles(repo.root, { 'services/hangs/deploy.ts': deploy('hangs', 'for (;;) {}') });
    coldCache();
    const warm = startWarmUp(repo.root)!;
    try {
      await warm.done; // resolves: the hang ends the worker's task, not the run
      const after = await warm.pool.warm(0, repo.root, GOOD);
      expect(after?.headers.map(([, meta]) => meta.name).sort()).toEqual(['good-a', 'good-b']);
    } finally {
      await warm.pool.close();
      rmSync(join(repo.root, 'services/hangs'), { recursive: true, force: true });
    }
  }, 60_000);

  it('starts only when the header cache is cold, the threshold is met and threads are allowed', async () => {
    coldCache({ ELEVENTH_WARM_UP_MIN: '10' });
    expect(startWarmUp(repo.root)).toBeUndefined();
    coldCache({ ELEVENTH_RENDER_THREADS: '0' });
    expect(startWarmUp(repo.root)).toBeUndefined();
    coldCache();
    recordHeaders([['0'.repeat(40), { name: 'x', namespace: 'ns-a', type: 'worker' }]]);
    const warm = startWarmUp(repo.root); // 1 of 3 known: still cold
    expect(warm).toBeDefined();
    await warm!.pool.close();
    recordHeaders([['1'.repeat(40), { name: 'y', namespace: 'ns-a', type: 'worker' }]]);
    expect(startWarmUp(repo.root)).toBeUndefined(); // 2 of 3 known: warm enough
    const full = startWarmUp(repo.root, true); // a full render loads every deploy.ts whatever the cache holds
    expect(full).toBeDefined();
    await full!.pool.close();
    coldCache({ ELEVENTH_WARM_UP_MIN: '10' });
    expect(startWarmUp(repo.root, true)).toBeUndefined(); // … in a large repository only
  }, 60_000);
});
