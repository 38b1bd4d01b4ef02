/** Process lifecycle for workers and servers: stop on SIGTERM/SIGINT, sleep that wakes on stop. */
import { utimesSync, writeFileSync } from 'node:fs';

/** An AbortSignal that aborts on the first of the given process signals (Kubernetes sends SIGTERM). */
export function stopSignal(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): AbortSignal {
  const controller = new AbortController();
  for (const name of signals) process.once(name, () => controller.abort(name));
  return controller.signal;
}

/** Waits `ms` milliseconds, or less when `signal` aborts first. Never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The file a worker's liveness probe checks (the platform kit's WORKER_HEARTBEAT): younger than 2 minutes. */
export const HEARTBEAT_FILE = '/tmp/heartbeat';

/**
 * Tell the liveness probe the work loop is alive: set the heartbeat file's time to now (creating it).
 * Call it once per loop iteration, at least every minute; a loop that stops calling it is restarted.
 */
export function heartbeat(path: string = HEARTBEAT_FILE): void {
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    writeFileSync(path, '');
  }
}
