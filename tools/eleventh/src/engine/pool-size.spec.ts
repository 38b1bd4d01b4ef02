import { describe, expect, it } from 'vitest';
import { MAX_WORKERS, thisMachine, WORKER_MIB, workerCount } from './pool-size';

describe('render workers, bounded by cores and by memory', () => {
  it('at most two, however many cores and however much memory', () => {
    expect(MAX_WORKERS).toBe(2);
    expect(workerCount({ cores: 64, availableMiB: 256 * 1024 })).toBe(2);
    expect(workerCount({ cores: 2, availableMiB: 8 * 1024 })).toBe(2);
  });

  it('no more than the cores', () => expect(workerCount({ cores: 1, availableMiB: 8 * 1024 })).toBe(1));

  it('no more than the available memory holds, and none (in-process) when it holds none', () => {
    expect(workerCount({ cores: 8, availableMiB: 2 * WORKER_MIB - 1 })).toBe(1);
    expect(workerCount({ cores: 8, availableMiB: 2 * WORKER_MIB })).toBe(2);
    expect(workerCount({ cores: 8, availableMiB: WORKER_MIB - 1 })).toBe(0);
    expect(workerCount({ cores: 8, availableMiB: 0 })).toBe(0);
  });

  it("reads this machine's cores and available memory", () => {
    const m = thisMachine();
    expect(m.cores).toBeGreaterThanOrEqual(1);
    expect(m.availableMiB).toBeGreaterThan(0);
    expect(m.availableMiB).toBeLessThanOrEqual(require('node:os').totalmem() / 2 ** 20);
  });
});

describe('RenderPool.forRun and forWarmUp follow the bound', () => {
  const saved = process.env.ELEVENTH_RENDER_THREADS;
  const withSetting = async (value: string | undefined, fn: () => Promise<void>): Promise<void> => {
    if (value === undefined) delete process.env.ELEVENTH_RENDER_THREADS;
    else process.env.ELEVENTH_RENDER_THREADS = value;
    try {
      await fn();
    } finally {
      if (saved === undefined) delete process.env.ELEVENTH_RENDER_THREADS;
      else process.env.ELEVENTH_RENDER_THREADS = saved;
    }
  };

  it('a large run on a machine short of memory renders in-process; the setting still decides when given', async () => {
    const { RenderPool } = await import('./render-pool');
    await withSetting(undefined, async () => {
      expect(RenderPool.forRun(15_000, { cores: 2, availableMiB: 100 })).toBeUndefined();
      expect(RenderPool.forWarmUp({ cores: 2, availableMiB: 100 })).toBeUndefined();
      const one = RenderPool.forRun(15_000, { cores: 2, availableMiB: WORKER_MIB + 1 });
      expect(one?.size).toBe(1);
      await one?.close();
      expect(RenderPool.forRun(10, { cores: 2, availableMiB: 8192 })).toBeUndefined();
    });
    await withSetting('3', async () => {
      const three = RenderPool.forRun(10, { cores: 1, availableMiB: 0 });
      expect(three?.size).toBe(3);
      await three?.close();
    });
  });
});
