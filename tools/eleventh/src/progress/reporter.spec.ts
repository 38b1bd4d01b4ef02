/** The progress reporter on fake streams (terminal or not) with a fake clock: when it draws, what, how often. */
import { describe, expect, it } from 'vitest';
import { LIVE_AFTER_MS, LOG_AFTER_MS, ProgressReporter, type ProgressStream } from './reporter';

function fake(isTTY: boolean, columns = 80): ProgressStream & { chunks: string[] } {
  const chunks: string[] = [];
  return { isTTY, columns, chunks, write: (c: string) => chunks.push(c) };
}

function clock(): { now: () => number; advance(ms: number): void } {
  let t = 0;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

describe('progress on a terminal', () => {
  it('draws one live line rewritten with \\r, throttled to at most 10 updates a second, erased at the end', () => {
    const s = fake(true);
    const c = clock();
    const r = new ProgressReporter(s, { now: c.now, env: {} });
    const id = r.begin('rendering staging', 1000);
    c.advance(LIVE_AFTER_MS);
    for (let i = 0; i < 1000; i++) {
      r.tick(id);
      c.advance(1); // 1000 ticks in one second
    }
    const draws = s.chunks.filter((x) => x.startsWith('\r') && x.trim() !== '');
    expect(draws.length).toBeGreaterThan(5);
    expect(draws.length).toBeLessThanOrEqual(11);
    expect(s.chunks.every((x) => !x.includes('\n'))).toBe(true);
    expect(draws.at(-1)).toContain('eleventh: rendering staging');
    expect(draws.at(-1)).toMatch(/\x1b\[2m.*\x1b\[22m/);
    r.end(id);
    r.finish();
    expect(s.chunks.at(-1)).toMatch(/^\r +\r$/);
  });

  it('shows the counts of every running phase', () => {
    const s = fake(true);
    const c = clock();
    const r = new ProgressReporter(s, { now: c.now, env: { NO_COLOR: '1' } });
    const a = r.begin('rendering staging', 40);
    const b = r.begin('rendering prod');
    c.advance(LIVE_AFTER_MS + 1);
    r.tick(a, 12);
    expect(s.chunks.at(-1)).toBe('\releventh: rendering staging 12/40, rendering prod (0.3 s)');
    r.end(a);
    r.end(b);
  });

  it('honours NO_COLOR: no escape codes at all', () => {
    const s = fake(true);
    const c = clock();
    const r = new ProgressReporter(s, { now: c.now, env: { NO_COLOR: '1' } });
    const id = r.begin('pin walk', 3);
    c.advance(1000);
    r.tick(id);
    r.end(id);
    r.finish();
    expect(s.chunks.length).toBeGreaterThan(0);
    expect(s.chunks.join('')).not.toContain('\x1b');
  });

  it('draws nothing for a run shorter than the live delay', () => {
    const s = fake(true);
    const c = clock();
    const r = new ProgressReporter(s, { now: c.now, env: {} });
    const id = r.begin('rendering staging', 5);
    for (let i = 0; i < 5; i++) (r.tick(id), c.advance(10));
    r.end(id);
    r.finish();
    expect(s.chunks).toEqual([]);
  });

  it('cuts the line to the terminal width', () => {
    const s = fake(true, 30);
    const c = clock();
    const r = new ProgressReporter(s, { now: c.now, env: { NO_COLOR: '1' } });
    c.advance(LIVE_AFTER_MS);
    r.begin('rendering a-very-long-environment-name', 5);
    expect(s.chunks.at(-1)!.length).toBeLessThanOrEqual(30);
  });
});

describe('progress off a terminal (CI)', () => {
  it('prints nothing at all when the run is quick', () => {
    const s = fake(false);
    const c = clock();
    const r = new ProgressReporter(s, { now: c.now, env: {} });
    for (const label of ['nx project graph', 'rendering staging', 'writing files']) {
      const id = r.begin(label, 10);
      r.tick(id, 10);
      c.advance(200);
      r.end(id);
    }
    r.finish();
    expect(s.chunks).toEqual([]);
  });

  it('prints one plain line per phase that ends once the run is long, no \\r and no ANSI', () => {
    const s = fake(false);
    const c = clock();
    const r = new ProgressReporter(s, { now: c.now, env: {} });
    const graph = r.begin('nx project graph');
    c.advance(LOG_AFTER_MS - 100);
    r.end(graph); // still quick: nothing
    const render = r.begin('rendering staging', 40);
    for (let i = 0; i < 40; i++) (r.tick(render), c.advance(10));
    r.end(render);
    r.finish();
    expect(s.chunks).toEqual(['eleventh: rendering staging 40/40 (0.4 s)\n']);
  });
});
