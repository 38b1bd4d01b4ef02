/**
 * `render` and `recipe` plan each environment's write as soon as it is rendered (write-plans.ts): a full
 * render's promoted environments are compared with the disk while Nx still builds the graph. A user must see
 * nothing of it: the same plan as one comparison at the end, refusals from every environment in one report
 * (exit 2, nothing written), and the pins' errors still first.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startGraph } from '../pins/compute';
import { planWrites } from '../write';
import { planRun } from './plan';
import { cli, createReleaseRepo, snapshotTree } from '../release/release-fixture';

let repo: ReturnType<typeof createReleaseRepo>;
const PREPROD = 'environments/preprod/customer/customer-api/deployment.yaml';
const STAGING = 'environments/staging/customer/customer-api/service.yaml';

beforeAll(() => {
  repo = createReleaseRepo('eleventh-write-plans-');
});
afterAll(() => repo.cleanup());

describe('write plans made environment by environment', () => {
  it("plan a promoted environment's write before the pins are known, and merge to the single plan", async () => {
    // The graph is held until preprod's write plan has reported its timing (or 30 s).
    const writes: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const timer = setTimeout(() => release(), 30_000);
    const graph = startGraph(repo.root);
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      if (String(chunk).startsWith('eleventh: timing write: plan preprod ')) release();
      return true;
    });
    process.env.ELEVENTH_TIMING = '1';
    let plan;
    try {
      plan = await planRun({ root: repo.root, mode: 'render', graph: gate.then(() => graph), prepareWrite: true });
    } finally {
      spy.mockRestore();
      clearTimeout(timer);
      delete process.env.ELEVENTH_TIMING;
    }
    const at = (label: string) => writes.findIndex((l) => l.startsWith(`eleventh: timing ${label} `));
    expect(at('write: plan preprod')).toBeGreaterThanOrEqual(0);
    expect(at('write: plan preprod')).toBeLessThan(at('pins: nx graph (wait)'));
    expect(at('write: plan staging')).toBeGreaterThan(at('render staging'));
    if (!plan.prepared || !('plan' in plan.prepared)) throw new Error(`expected a prepared plan, got ${String(plan.prepared && 'error' in plan.prepared && plan.prepared.error)}`);
    const single = planWrites(repo.root, plan.files, { dirs: plan.scopeDirs, skipDir: (dir) => plan.kept.has(dir) });
    expect(plan.prepared.plan).toEqual(single);
    expect(plan.prepared.plan.unchanged).toBe(plan.files.size);
  }, 120_000);

  it('refuse hand-written files of every environment in one report, exit 2, nothing written', () => {
    writeFileSync(join(repo.root, PREPROD), 'hand: written\n');
    writeFileSync(join(repo.root, STAGING), 'hand: written\n');
    const before = snapshotTree(repo.root, 'environments');
    for (const args of [['render'], ['render', '--check']]) {
      const res = cli(repo.root, ...args);
      expect(res.status, res.stderr).toBe(2);
      const lines = res.stderr.split('\n').filter((l) => l.includes('refusing to overwrite a hand-written file'));
      expect(lines.map((l) => l.split(':')[0]), args.join(' ')).toEqual([PREPROD, STAGING]);
      expect(res.stderr).not.toMatch(/\n\s+at /);
      expect(snapshotTree(repo.root, 'environments')).toEqual(before);
    }
  }, 180_000);

  it("report the pins' error, not the refusal, when both are there", () => {
    const main = join(repo.root, 'services/customer-api/src/main.ts');
    const source = readFileSync(main, 'utf8');
    appendFileSync(main, '// not committed\n');
    try {
      const before = snapshotTree(repo.root, 'environments');
      const res = cli(repo.root, 'render');
      expect(res.status, res.stderr).toBe(2);
      expect(res.stderr).toContain('services/customer-api/src/main.ts');
      expect(res.stderr).not.toContain('refusing to overwrite');
      expect(snapshotTree(repo.root, 'environments')).toEqual(before);
    } finally {
      writeFileSync(main, source);
    }
  }, 120_000);
});
