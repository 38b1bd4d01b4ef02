import { describe, expect, it } from 'vitest';
import { sleep, stopSignal } from './lifecycle';

describe('sleep', () => {
  it('waits about the given time', async () => {
    const start = Date.now();
    await sleep(30);
    expect(Date.now() - start).toBeGreaterThanOrEqual(25);
  });

  it('wakes early when the signal aborts', async () => {
    const controller = new AbortController();
    const start = Date.now();
    setTimeout(() => controller.abort(), 10);
    await sleep(5_000, controller.signal);
    expect(Date.now() - start).toBeLessThan(1_000);
  });

  it('returns at once when the signal has already aborted', async () => {
    const start = Date.now();
    await sleep(5_000, AbortSignal.abort());
    expect(Date.now() - start).toBeLessThan(1_000);
  });
});

describe('stopSignal', () => {
  it('aborts on the first listed process signal', () => {
    const signal = stopSignal(['SIGUSR2']);
    expect(signal.aborted).toBe(false);
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('SIGUSR2');
  });
});

describe('heartbeat', () => {
  it('creates the file, then moves its time forward', async () => {
    const { mkdtempSync, statSync, utimesSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { heartbeat } = await import('./lifecycle');
    const dir = mkdtempSync(join(tmpdir(), 'heartbeat-'));
    const file = join(dir, 'heartbeat');
    heartbeat(file);
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(file, old, old);
    heartbeat(file);
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(60_000);
    rmSync(dir, { recursive: true, force: true });
  });
});
