/** Phase timings on stderr (`eleventh: timing <phase> <ms>`) when ELEVENTH_TIMING is set; benchmarks read them. */
import { performance } from 'node:perf_hooks';

function report(phase: string, start: number): void {
  if (process.env.ELEVENTH_TIMING) process.stderr.write(`eleventh: timing ${phase} ${Math.round(performance.now() - start)}\n`);
}

export function timed<T>(phase: string, fn: () => T): T {
  const start = performance.now();
  const out = fn();
  if (out instanceof Promise) return out.finally(() => report(phase, start)) as T;
  report(phase, start);
  return out;
}
