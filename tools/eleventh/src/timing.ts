/**
 * Phase timings on stderr (`eleventh: timing <phase> <ms>`) when ELEVENTH_TIMING is set; benchmarks read them.
 * `ELEVENTH_TIMING=at` adds when each phase ended, in ms since the process started (` @<ms>`): phases that
 * overlap (Nx's graph, the renders, the warm-up) then line up on one timeline.
 */
import { performance } from 'node:perf_hooks';

/** One timing line (without its newline): `timing <phase> <ms>`, and ` @<end>` with `at`. */
export function timingLine(phase: string, start: number, end: number, at: boolean): string {
  return `eleventh: timing ${phase} ${Math.round(end - start)}${at ? ` @${Math.round(end)}` : ''}`;
}

function report(phase: string, start: number): void {
  const setting = process.env.ELEVENTH_TIMING;
  if (setting) process.stderr.write(`${timingLine(phase, start, performance.now(), setting === 'at')}\n`);
}

export function timed<T>(phase: string, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  if (out instanceof Promise) return out.finally(() => report(phase, start)) as T;
  report(phase, start);
  return out;
}
