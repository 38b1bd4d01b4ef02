import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles, REPO_ROOT, type FixtureRepo } from '../testing/fixture';
import { GraphError } from './errors';
import { loadServiceInputs, type ServiceInputs } from './graph';
import { pinsRepo } from './pins-fixture';

describe('loadServiceInputs (real Nx graph in a child process)', () => {
  let repo: FixtureRepo;
  let services: ServiceInputs[];
  beforeAll(async () => {
    repo = pinsRepo({ platform: true });
    const started = performance.now();
    services = await loadServiceInputs(repo.root);
    console.log(`loadServiceInputs: ${services.length} services in ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(() => repo.cleanup());

  const inputs = (name: string) => services.find((s) => s.name === name) as ServiceInputs;

  it('finds every services/*/deploy.ts project, sorted, and no library or platform project', () => {
    expect(services.map((s) => s.name)).toEqual(['api', 'billing', 'cron', 'worker']);
    expect(inputs('api').root).toBe('services/api');
  });

  it('follows file-level imports through libraries transitively (api → runtime → logging)', () => {
    expect(inputs('api').projects).toEqual(['api', 'logging', 'runtime']);
    expect(inputs('billing').projects).toEqual(['billing', 'logging']);
    expect(inputs('cron').projects).toEqual(['cron']);
  });

  it('lists production files only: no deploy.ts, specs or READMEs', () => {
    expect(inputs('api').files).toEqual([
      'services/api/Dockerfile',
      'services/api/src/main.ts',
      'services/shared/logging/project.json',
      'services/shared/logging/src/index.ts',
      'services/shared/runtime/project.json',
      'services/shared/runtime/src/index.ts',
    ]);
  });

  it('records the locked versions of the npm packages runtime code imports', () => {
    expect(inputs('api').externals).toEqual([{ name: 'zod', version: '3.23.8' }]);
    expect(inputs('worker').externals).toEqual([{ name: 'ms', version: '2.1.3' }]);
    expect(inputs('billing').externals).toEqual([]);
  });

  it('ignores what only specs import', async () => {
    commitFiles(repo.root, { 'services/cron/src/main.spec.ts': "import '@acme/runtime';\nimport 'zod';\n" }, 'spec imports');
    const again = await loadServiceInputs(repo.root);
    const cron = again.find((s) => s.name === 'cron') as ServiceInputs;
    expect(cron.projects).toEqual(['cron']);
    expect(cron.externals).toEqual([]);
  });

  it('reads the workspace it is given even when run inside another Nx workspace task', async () => {
    const saved = process.env.NX_WORKSPACE_ROOT_PATH;
    process.env.NX_WORKSPACE_ROOT_PATH = REPO_ROOT;
    try {
      expect((await loadServiceInputs(repo.root)).map((s) => s.name)).toEqual(['api', 'billing', 'cron', 'worker']);
    } finally {
      if (saved === undefined) delete process.env.NX_WORKSPACE_ROOT_PATH;
      else process.env.NX_WORKSPACE_ROOT_PATH = saved;
    }
  });

  it('reports a broken workspace as a GraphError', async () => {
    commitFiles(repo.root, { 'nx.json': '{ not json' }, 'break nx.json');
    await expect(loadServiceInputs(repo.root)).rejects.toBeInstanceOf(GraphError);
  });
});
