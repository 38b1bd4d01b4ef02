/**
 * A render worker's contained steps under its parent's eye. In a worker the engine's own pool started, each
 * step (loading a deploy.ts, calling its `customize`) writes what it is doing and since when into memory
 * the parent shares; the parent ends a worker whose step has run longer than ELEVENTH_DEPLOY_TIMEOUT
 * (render-pool.ts). The step then needs no V8 watchdog of its own, which costs a thread start and join per
 * step: about a millisecond each on a loaded 2-core machine, seconds over 15,000 renders.
 */

export type SupervisedStep = 'load' | 'customize';

const PATH_BYTES = 2048;
/** Float64 start time (0: idle) · Int32 step · Int32 path length · path bytes. */
const SIZE = 8 + 4 + 4 + PATH_BYTES;

export class StepBoard {
  private readonly start: Float64Array;
  private readonly ints: Int32Array;
  private readonly bytes: Uint8Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(SIZE)) {
    this.start = new Float64Array(buffer, 0, 1);
    this.ints = new Int32Array(buffer, 8, 2);
    this.bytes = new Uint8Array(buffer, 16, PATH_BYTES);
  }

  begin(deployFile: string, step: SupervisedStep): void {
    const { written } = new TextEncoder().encodeInto(deployFile, this.bytes);
    this.ints[0] = step === 'load' ? 0 : 1;
    this.ints[1] = written;
    this.start[0] = Date.now();
  }

  end(): void {
    this.start[0] = 0;
  }

  /** The step running for longer than `ms`, if any. */
  overdue(ms: number, now = Date.now()): { deployFile: string; step: SupervisedStep } | undefined {
    const since = this.start[0];
    if (since === 0 || now - since <= ms) return undefined;
    const deployFile = new TextDecoder().decode(this.bytes.slice(0, this.ints[1]));
    return { deployFile, step: this.ints[0] === 0 ? 'load' : 'customize' };
  }
}

let board: StepBoard | undefined;

/** Called once in a supervised worker, with the buffer its parent shares. */
export function superviseSteps(buffer: SharedArrayBuffer): void {
  board = new StepBoard(buffer);
}

/** This thread's board when its parent supervises it (no V8 watchdog needed), else undefined. */
export function stepBoard(): StepBoard | undefined {
  return board;
}
