import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bumpLockedVersion, commitFiles, headSha, moduleSource, removeService, serviceFiles, type FixtureRepo } from '../testing/fixture';
import { git } from '../git/run';
import { computePins } from './compute';
import { commits, pinsRepo } from './pins-fixture';

describe('computePins on a real repository and the real Nx graph', () => {
  let repo: FixtureRepo;
  let initial: string;
  beforeEach(() => {
    repo = pinsRepo();
    initial = repo.initial;
  });
  afterEach(() => repo.cleanup());

  const pins = async () => commits(await computePins({ root: repo.root, previous: new Map() }));

  it('pins every service to the first commit when nothing changed since', async () => {
    expect(await pins()).toEqual({ api: initial, billing: initial, cron: initial, worker: initial });
  });

  it('a shared-library change moves exactly the services importing it', async () => {
    const c = commitFiles(repo.root, { 'services/shared/runtime/src/util.ts': 'export const u = 1;\n' }, 'runtime: util');
    expect(await pins()).toEqual({ api: c, billing: initial, cron: initial, worker: initial });
  });

  it('a lib → lib change moves the services that reach it transitively', async () => {
    const c = commitFiles(repo.root, { 'services/shared/logging/src/index.ts': moduleSource([], 'level') }, 'logging');
    expect(await pins()).toEqual({ api: c, billing: c, cron: initial, worker: initial });
  });

  it('deleting a library file moves its importers', async () => {
    commitFiles(repo.root, { 'services/shared/logging/src/extra.ts': 'export const x = 1;\n' }, 'add extra');
    const c = commitFiles(repo.root, { 'services/shared/logging/src/extra.ts': null }, 'delete extra');
    const result = await pins();
    expect(result.api).toBe(c);
    expect(result.billing).toBe(c);
    expect(result.worker).toBe(initial);
  });

  it('README, docs and spec changes do not move any pin', async () => {
    commitFiles(
      repo.root,
      {
        'services/api/README.md': '# api, documented\n',
        'services/api/docs/usage.md': 'usage\n',
        'services/api/src/main.spec.ts': "import { it } from 'vitest';\nit('x', () => undefined);\n",
        'services/shared/runtime/README.md': '# runtime v2\n',
        'services/shared/logging/src/index.spec.ts': "import { it } from 'vitest';\nit('y', () => undefined);\n",
      },
      'docs and tests',
    );
    expect(await pins()).toEqual({ api: initial, billing: initial, cron: initial, worker: initial });
  });

  it('a deploy.ts change does not move the pin', async () => {
    const deploy = serviceFiles({ name: 'api', namespace: 'team-z', type: 'worker' })['services/api/deploy.ts'];
    commitFiles(repo.root, { 'services/api/deploy.ts': deploy }, 'api: manifest only');
    expect((await pins()).api).toBe(initial);
  });

  it('a source change moves only that service, and its own Dockerfile counts', async () => {
    const a = commitFiles(repo.root, { 'services/worker/src/main.ts': moduleSource(['ms'], 'main2') }, 'worker src');
    const b = commitFiles(repo.root, { 'services/cron/Dockerfile': 'FROM node:22-alpine\n' }, 'cron image');
    expect(await pins()).toEqual({ api: initial, billing: initial, cron: b, worker: a });
  });

  it('a locked-version bump moves exactly the services importing that package', async () => {
    const zod = bumpLockedVersion(repo.root, 'zod', '3.24.1');
    const afterZod = await computePins({ root: repo.root, previous: new Map() });
    expect(commits(afterZod)).toEqual({ api: zod, billing: initial, cron: initial, worker: initial });
    expect(afterZod.services.find((s) => s.name === 'api')?.externals).toEqual([{ name: 'zod', version: '3.24.1' }]);
    const ms = bumpLockedVersion(repo.root, 'ms', '2.1.2');
    expect(await pins()).toEqual({ api: zod, billing: initial, cron: initial, worker: ms });
  });

  it('a lockfile change that leaves the imported versions alone moves nothing', async () => {
    const lock = JSON.parse(require('node:fs').readFileSync(`${repo.root}/package-lock.json`, 'utf8'));
    lock.packages['node_modules/left-pad'] = { version: '1.3.0', license: 'WTFPL' };
    commitFiles(repo.root, { 'package-lock.json': `${JSON.stringify(lock, null, 2)}\n` }, 'lock: unrelated');
    expect(await pins()).toEqual({ api: initial, billing: initial, cron: initial, worker: initial });
  });

  it('a change merged from a branch pins to the merge commit on the first-parent line', async () => {
    git(['checkout', '-q', '-b', 'feature'], { cwd: repo.root });
    const onBranch = commitFiles(repo.root, { 'services/worker/src/feature.ts': 'export const f = 1;\n' }, 'feature');
    git(['checkout', '-q', 'main'], { cwd: repo.root });
    const cron = commitFiles(repo.root, { 'services/cron/src/main.ts': moduleSource([], 'later') }, 'cron on main');
    git(['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature'], { cwd: repo.root });
    const merge = headSha(repo.root);
    const result = await pins();
    expect(result.worker).toBe(merge);
    expect(result.worker).not.toBe(onBranch);
    expect(result.cron).toBe(cron);
  });

  it('a new service is pinned to the commit that added it', async () => {
    const c = commitFiles(repo.root, serviceFiles({ name: 'search', imports: ['@acme/runtime'] }), 'add search');
    expect(await pins()).toEqual({ api: initial, billing: initial, cron: initial, search: c, worker: initial });
  });

  it('a removed service disappears', async () => {
    removeService(repo.root, 'cron');
    const result = await computePins({ root: repo.root, previous: new Map() });
    expect([...result.pins.keys()]).toEqual(['api', 'billing', 'worker']);
    expect(result.services.map((s) => s.name)).toEqual(['api', 'billing', 'worker']);
  });

  it('head narrows to an older commit: later changes do not count', async () => {
    const a = commitFiles(repo.root, { 'services/worker/src/a.ts': 'export const a = 1;\n' }, 'a');
    commitFiles(repo.root, { 'services/worker/src/b.ts': 'export const b = 1;\n' }, 'b');
    const result = await computePins({ root: repo.root, previous: new Map(), head: a });
    // services/worker/src/b.ts is in the graph but not at `a`: identity differs from HEAD's, pin is `a`.
    expect(commits(result).worker).toBe(a);
  });

  it('base..head is searched first and the full history covers what it misses', async () => {
    const base = commitFiles(repo.root, { 'services/cron/src/main.ts': moduleSource([], 'tick') }, 'cron');
    const w = commitFiles(repo.root, { 'services/worker/src/main.ts': moduleSource(['ms'], 'w2') }, 'worker');
    const result = await computePins({ root: repo.root, previous: new Map(), base, head: headSha(repo.root) });
    expect(commits(result)).toEqual({ api: initial, billing: initial, cron: base, worker: w });
  });
});
