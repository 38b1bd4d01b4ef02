/**
 * The render pool's workers run a service's steps without a V8 watchdog of their own; the pool watches them
 * (load/supervision.ts). Rendered through worker threads (ELEVENTH_RENDER_THREADS=2), a service's own code
 * is still contained: a hang is cut off at ELEVENTH_DEPLOY_TIMEOUT with the same message as in-process, a
 * throw and a process.exit name the file and line, and nothing is written; and the pool renders the same
 * bytes as in-process.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { deployFile, deploySource } from '../guardrails/deploy-source';
import { spawnSync } from 'node:child_process';
import { CLI, createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { environmentsSnapshot } from '../testing/untouched';

const FILE = deployFile('fraud-scorer');
const THREADS = { ELEVENTH_RENDER_THREADS: '2', ELEVENTH_DEPLOY_TIMEOUT: '1' };

let repo: ExampleRepo;
beforeAll(() => {
  repo = createRecipedRepo('eleventh-render-pool-');
}, 180_000);
afterAll(() => repo?.cleanup());

const ROWS = [
  { what: 'a hang in customize', body: 'for (;;) {}', where: `${FILE}: `, says: /'customize' did not finish within 1 s \(expected customize to return its objects; raise ELEVENTH_DEPLOY_TIMEOUT/ },
  { what: 'a throw in customize', body: "throw new TypeError('bad object');", where: `${FILE}:`, says: /'customize' threw: TypeError: bad object/ },
  { what: 'process.exit in customize', body: '(globalThis as any).process.exit(3);', where: `${FILE}:`, says: /called process\.exit\(3\), which would end the run/ },
];

describe('render workers: a service’s own code stays contained', () => {
  it.each(ROWS.map((r) => [r.what, r] as const))('%s: exit 2 at the file, no stack, nothing written', (_, row) => {
    const original = readFileSync(join(repo.root, FILE), 'utf8');
    writeFileSync(join(repo.root, FILE), deploySource('fraud-scorer', { body: row.body }));
    const tree = environmentsSnapshot(repo.root);
    try {
      // With a time limit of its own: a pool that missed the hang would otherwise hang the suite.
      const res = spawnSync(process.execPath, [CLI, 'render'], { cwd: repo.root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...THREADS } });
      expect(res.signal, 'the render was still running after 60 s').toBeNull();
      expect(res.status, res.stderr).toBe(2);
      const lines = res.stderr.split('\n').filter((l) => l.startsWith(FILE));
      expect(lines, res.stderr).toHaveLength(1);
      expect(lines[0].startsWith(row.where), lines[0]).toBe(true);
      expect(lines[0]).toMatch(row.says);
      expect(res.stderr).not.toMatch(/^\s+at /m);
      expect(environmentsSnapshot(repo.root)).toEqual(tree);
    } finally {
      writeFileSync(join(repo.root, FILE), original);
    }
  }, 90_000);

  it("reads the overrides the run's config found: a new overrides.yaml reaches the workers' renders", () => {
    // The workers read only the overrides.yaml files the main thread's scan found (RenderPool.shareScan).
    const overrides = 'environments/staging/customer/customer-api/overrides.yaml';
    const deployment = 'environments/staging/customer/customer-api/deployment.yaml';
    writeFileSync(join(repo.root, overrides), 'env:\n  POOL_PROBE: seen\n');
    try {
      const res = runEleventh(repo.root, ['render'], { ELEVENTH_RENDER_THREADS: '2' });
      expect(res.status, res.stderr).toBe(0);
      expect(readFileSync(join(repo.root, deployment), 'utf8')).toContain('POOL_PROBE');
      const inProcess = runEleventh(repo.root, ['render', '--check'], { ELEVENTH_RENDER_THREADS: '0' });
      expect(inProcess.status, inProcess.stdout + inProcess.stderr).toBe(0);
    } finally {
      rmSync(join(repo.root, overrides));
      git(['checkout', '--', 'environments'], { cwd: repo.root });
    }
  }, 90_000);

  it('renders the same bytes through the workers as in-process', () => {
    const res = runEleventh(repo.root, ['render', '--check'], { ELEVENTH_RENDER_THREADS: '2' });
    expect(res.status, res.stderr).toBe(0);
    expect(git(['status', '--porcelain'], { cwd: repo.root }).stdout).toBe('');
  }, 90_000);
});
