/**
 * A full render starts the promoted environments that have a recipe before the pins are known (while Nx builds
 * the graph; env-renderer.ts). That must change nothing a user sees: the same files, the pins' errors first
 * (exit 2, nothing written), and no materialised release folder left behind when the run fails meanwhile.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { git } from '../git/run';
import { runEleventh } from '../testing/example-repo';
import { startGraph } from '../pins/compute';
import { planRun } from './plan';
import { commitAll, createReleaseRepo, ok, snapshotTree } from '../release/release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
let tmp: string;
const DEPLOY = 'services/customer-api/deploy.ts';
const read = (p: string) => readFileSync(join(repo.root, p), 'utf8');
/** Through the render pool, as at scale: its workers start at once (the warm-up) and render the early environments. */
const THREADS = { ELEVENTH_RENDER_THREADS: '2', ELEVENTH_WARM_UP_MIN: '1' };

beforeAll(() => {
  repo = createReleaseRepo('eleventh-early-');
  git(['tag', 'preprod-v1'], { cwd: repo.root });
  ok(repo.root, ['promote', '--to', 'preprod', '--tag', 'preprod-v1']);
  commitAll(repo.root, 'promote preprod-v1');
  // HEAD's deploy.ts now differs from preprod's sources: rendering preprod materialises its release.
  writeFileSync(join(repo.root, DEPLOY), read(DEPLOY).replace("type: 'http',", "type: 'http',\n  port: 9090,"));
  commitAll(repo.root, 'customer-api: port 9090');
  ok(repo.root, ['recipe']);
  commitAll(repo.root, 'eleventh recipe');
  tmp = mkdtempSync(join(tmpdir(), 'eleventh-early-tmp-'));
});
afterAll(() => {
  repo.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

describe('promoted environments rendered while Nx works', () => {
  it('start before the pins are known: preprod is rendered while the graph is still held back', async () => {
    // The graph is held until preprod's render has reported its timing (or 30 s): an engine that renders
    // promoted environments only after the pins would wait the whole 30 s and report preprod after them.
    const writes: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const timer = setTimeout(() => release(), 30_000);
    const graph = startGraph(repo.root);
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      if (String(chunk).startsWith('eleventh: timing render preprod ')) release();
      return true;
    });
    process.env.ELEVENTH_TIMING = '1';
    try {
      const plan = await planRun({ root: repo.root, mode: 'render', graph: gate.then(() => graph) });
      expect(plan.outcomes.map((o) => o.environment)).toContain('preprod');
    } finally {
      spy.mockRestore();
      clearTimeout(timer);
      delete process.env.ELEVENTH_TIMING;
    }
    const at = (label: string) => writes.findIndex((l) => l.startsWith(`eleventh: timing ${label} `));
    expect(at('render preprod')).toBeGreaterThanOrEqual(0);
    expect(at('render preprod')).toBeLessThan(at('pins: nx graph (wait)'));
    expect(at('render staging')).toBeGreaterThan(at('pins'));
  }, 120_000);

  it('render what they rendered before, in-process and through the pool, and leave no folder behind', () => {
    // In-process; through the warm-up's pool; through a pool started for the early renders alone (no warm-up).
    for (const env of [{}, THREADS, { ELEVENTH_RENDER_THREADS: '2', ELEVENTH_WARM_UP_MIN: '100000' }]) {
      const res = runEleventh(repo.root, ['render', '--check'], { ...env, TMPDIR: tmp });
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout).toBe('');
    }
    expect(read('environments/preprod/customer/customer-api/deployment.yaml')).toContain('containerPort: 8080');
    expect(read('environments/staging/customer/customer-api/deployment.yaml')).toContain('containerPort: 9090');
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);

  it('report the pins’ error first, write nothing, and leave no materialised release behind', () => {
    const image = 'services/customer-api/src/main.ts';
    writeFileSync(join(repo.root, image), `${read(image)}// not committed\n`);
    const before = snapshotTree(repo.root, 'environments');
    const res = runEleventh(repo.root, ['render'], { ...THREADS, TMPDIR: tmp });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/services\/customer-api\/src\/main\.ts/);
    expect(res.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(snapshotTree(repo.root, 'environments')).toEqual(before);
    expect(readdirSync(tmp)).toEqual([]);
    git(['checkout', '--', image], { cwd: repo.root });
  }, 120_000);

  it('report a broken release after a clean pins step, as before', () => {
    // preprod's recipe names a service its sources do not hold: the early render fails, and that is the error.
    const recipe = 'environments/preprod/recipe.yaml';
    const text = read(recipe);
    writeFileSync(join(repo.root, recipe), text.replace('services:\n', 'services:\n  ghost-api:\n    namespace: customer\n    commit: "' + '0'.repeat(40) + '"\n    inputs: "x"\n    image: "ghost"\n    digest: ""\n'));
    commitAll(repo.root, 'a hand-edited recipe');
    const res = runEleventh(repo.root, ['render', '--check'], { ...THREADS, TMPDIR: tmp });
    expect(res.status, res.stderr).toBe(2);
    expect(res.stderr).toContain("services/ghost-api/deploy.ts: service 'ghost-api' in preprod's recipe does not exist at");
    expect(readdirSync(tmp)).toEqual([]);
    // Both broken: the pins' error is the one reported, as when promoted environments rendered after the pins.
    const image = 'services/customer-api/src/main.ts';
    writeFileSync(join(repo.root, image), `${read(image)}// not committed\n`);
    const both = runEleventh(repo.root, ['render', '--check'], { ...THREADS, TMPDIR: tmp });
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/services\/customer-api\/src\/main\.ts/);
    expect(both.stderr).not.toContain('ghost-api');
    git(['checkout', '--', image], { cwd: repo.root });
  }, 120_000);
});
