/** Process lifecycle for workers and servers: stop on SIGTERM/SIGINT, sleep that wakes on stop. */

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
