/**
 * How many render workers a run starts, unless ELEVENTH_RENDER_THREADS says: at most two, no more than the
 * machine's cores, and no more than the memory available to the process holds (a worker that cannot be
 * afforded is not started: with room for none, the run renders in-process). At 5,000 services a render
 * worker's heap holds up to ~200 MiB (tools/bench/README.md, the twelfth session); WORKER_MIB leaves room.
 * Two, not one per core: at two the render is CPU-bound beside Nx and git on a 2-core CI runner, and each
 * further worker loads its own copy of the kit and of its share of the deploy.ts files.
 */
import { availableParallelism, freemem, totalmem } from 'node:os';

export const MAX_WORKERS = 2;
export const WORKER_MIB = 320;

export interface Machine {
  readonly cores: number;
  /** Memory the process can still take, MiB: the machine's free memory, or less under a cgroup limit. */
  readonly availableMiB: number;
}

export function thisMachine(): Machine {
  const limit = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.();
  // No limit reads as undefined, 0, or a figure above the machine's memory (cgroup v2 "max").
  const inLimit = limit && limit < totalmem() ? limit - process.memoryUsage.rss() : Number.POSITIVE_INFINITY;
  return { cores: availableParallelism(), availableMiB: Math.max(0, Math.min(freemem(), inLimit)) / 2 ** 20 };
}

/** The workers `m` affords (0: render in-process). */
export function workerCount(m: Machine): number {
  return Math.max(0, Math.min(MAX_WORKERS, m.cores, Math.floor(m.availableMiB / WORKER_MIB)));
}
