/**
 * The engine announces its phases here (`const p = phase('rendering staging', 40); p.tick(); p.end()`);
 * the CLI installs a reporter for the length of one command. With none installed — specs, library use,
 * worker threads — a phase costs a function call.
 */
import { ProgressReporter } from './reporter';

export { ProgressReporter, type ProgressStream, type ReporterOptions } from './reporter';

export interface Phase {
  tick(n?: number): void;
  end(): void;
}

const NOTHING: Phase = { tick: () => undefined, end: () => undefined };
let current: ProgressReporter | undefined;

/** Install (or, with undefined, remove) the reporter phases go to. */
export function setReporter(reporter: ProgressReporter | undefined): void {
  current = reporter;
}

/** Erase the live line, if any, so that a log line written now starts at the left margin. */
export function clearProgressLine(): void {
  current?.clear();
}

export function phase(label: string, total?: number): Phase {
  const reporter = current;
  if (!reporter) return NOTHING;
  const id = reporter.begin(label, total);
  return { tick: (n) => reporter.tick(id, n), end: () => reporter.end(id) };
}

/** Run `fn` as one phase (ended however it settles); `fn` receives the phase to tick. */
export function tracked<T>(label: string, total: number | undefined, fn: (p: Phase) => T): T {
  const p = phase(label, total);
  let out: T;
  try {
    out = fn(p);
  } catch (err) {
    p.end();
    throw err;
  }
  if (out instanceof Promise) return out.finally(() => p.end()) as T;
  p.end();
  return out;
}
