/**
 * A signal that arrives while a plan is applied (Ctrl-C, a CI job cancelled) must not leave half a tree: Node's
 * default would end the process between two renames, with some files new and some old. While applyPlan runs,
 * SIGINT, SIGTERM and SIGHUP are caught; the writer asks between batches whether one came, puts back
 * everything it did, and ends with 128 + the signal's number, as the signal would have. A signal that comes
 * after the last rename lets the write finish (it is complete) and then ends the process as it would have.
 */
import { constants } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ElevenError } from '../errors';
import { SIGNALS, signalsToWrite } from '../signal-cleanup';

/** The write was interrupted by a signal and put back: nothing written; exit 128 + the signal's number. */
export class WriteInterruptedError extends ElevenError {
  readonly exitCode: number;
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal} while writing: every file was put back, nothing was written (run the command again)`);
    this.name = 'WriteInterruptedError';
    this.exitCode = 128 + (constants.signals[signal] ?? 0);
  }
  report(): string {
    return this.message;
  }
}

export class InterruptWatch {
  private signal: NodeJS.Signals | undefined;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.signal ??= signal;
  };

  /** Other signal handlers of the run (signal-cleanup.ts) wait while this one watches. */
  private readonly release = signalsToWrite();

  constructor() {
    for (const s of SIGNALS) process.on(s, this.onSignal);
  }

  /** Throws WriteInterruptedError once a signal has arrived (handlers run between turns of the event loop). */
  check(): void {
    if (this.signal) throw new WriteInterruptedError(this.signal);
  }

  /**
   * Stop catching. After a completed write a signal that came during its last stretch ends the process as it
   * would have; after an interrupted one (already put back) the caller reports the WriteInterruptedError.
   */
  async stop(completed: boolean): Promise<void> {
    await nextTurn(); // a signal delivered just now reaches onSignal
    for (const s of SIGNALS) process.off(s, this.onSignal);
    this.release();
    if (completed && this.signal) process.kill(process.pid, this.signal);
  }
}
