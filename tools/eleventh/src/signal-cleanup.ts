/**
 * What a run leaves behind if a signal ends it (Ctrl-C, a cancelled CI job, SIGTERM from a runner): a temporary
 * folder of a release's sources, an image's build context, the Nx graph process still hashing. Node's default
 * for SIGINT, SIGTERM and SIGHUP ends the process on the spot, so none of the `finally` blocks that remove them
 * run. While any such undo is registered, those signals are caught: every registered undo runs (each one
 * synchronous and quick), then the signal is raised again with no handler left, so the process ends as the
 * signal would have (exit 128 + its number).
 *
 * While a plan is written, a signal belongs to the write (write/interrupt.ts): it puts back what it did and
 * reports; the undos here run only once it has let the signal go on.
 */

/** The signals that end a run (and that a write watches: write/interrupt.ts). */
export const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const undos = new Set<() => void>();
let writes = 0;
let installed = false;

function onSignal(signal: NodeJS.Signals): void {
  if (writes > 0) return;
  for (const undo of [...undos]) {
    try {
      undo();
    } catch {
      // Best effort: the signal still ends the run, and the next undo still runs.
    }
  }
  undos.clear();
  uninstall();
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of SIGNALS) process.off(s, onSignal);
}

/** Run `undo` if a signal ends the process while it is registered; call the returned function once it is done. */
export function undoOnSignal(undo: () => void): () => void {
  undos.add(undo);
  install();
  return () => {
    undos.delete(undo);
    if (undos.size === 0) uninstall();
  };
}

/** A write has begun: its own watch handles signals until the returned function is called (write/interrupt.ts). */
export function signalsToWrite(): () => void {
  writes++;
  let done = false;
  return () => {
    if (!done) writes--;
    done = true;
  };
}
