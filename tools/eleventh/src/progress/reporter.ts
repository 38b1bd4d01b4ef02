/**
 * Progress on stderr for long runs. On a terminal: one live line, rewritten with `\r` at most every
 * 100 ms and only once the run has taken longer than 300 ms, erased when the run ends. Off a terminal
 * (CI logs): a plain line as each phase ends, and only once the run has taken longer than 1.5 s — a quick
 * run prints nothing at all. No ANSI off a terminal; on one, the line is dim unless NO_COLOR is set.
 */

/** What the reporter writes to: process.stderr, or a fake in tests. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): unknown;
}

export interface ReporterOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Milliseconds; `performance.now` by default. */
  readonly now?: () => number;
}

/** Terminal: draw no sooner than this after the start, and at most once per REDRAW_MS. */
export const LIVE_AFTER_MS = 300;
export const REDRAW_MS = 100;
/** Off a terminal: phase lines only once the run has lasted this long. */
export const LOG_AFTER_MS = 1500;

interface Active {
  readonly label: string;
  readonly total?: number;
  done: number;
  readonly started: number;
}

export class ProgressReporter {
  private readonly active = new Map<number, Active>();
  private readonly now: () => number;
  private readonly started: number;
  private readonly live: boolean;
  private readonly colour: boolean;
  private nextId = 0;
  private lastDraw = -Infinity;
  private drawnWidth = 0;

  constructor(private readonly stream: ProgressStream, options: ReporterOptions = {}) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.live = stream.isTTY === true;
    const env = options.env ?? process.env;
    this.colour = this.live && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
  }

  begin(label: string, total?: number): number {
    const id = this.nextId++;
    this.active.set(id, { label, total, done: 0, started: this.now() });
    this.draw(false);
    return id;
  }

  tick(id: number, n = 1): void {
    const a = this.active.get(id);
    if (!a) return;
    a.done += n;
    this.draw(false);
  }

  end(id: number): void {
    const a = this.active.get(id);
    if (!a) return;
    this.active.delete(id);
    const t = this.now();
    if (!this.live && t - this.started >= LOG_AFTER_MS) this.stream.write(`eleventh: ${describe(a)} (${seconds(t - a.started)})\n`);
    this.draw(this.active.size === 0);
  }

  /** The run is over: erase the live line. */
  finish(): void {
    this.active.clear();
    this.erase();
  }

  private draw(force: boolean): void {
    if (!this.live) return;
    const t = this.now();
    if (t - this.started < LIVE_AFTER_MS || (!force && t - this.lastDraw < REDRAW_MS)) return;
    this.lastDraw = t;
    if (this.active.size === 0) return this.erase();
    const max = Math.max(20, (this.stream.columns || 80) - 1);
    const text = `eleventh: ${[...this.active.values()].map(describe).join(', ')} (${seconds(t - this.started)})`.slice(0, max);
    const pad = ' '.repeat(Math.max(0, this.drawnWidth - text.length));
    this.stream.write(`\r${this.colour ? `\x1b[2m${text}\x1b[22m` : text}${pad}`);
    this.drawnWidth = text.length;
  }

  /** Erase the live line before someone else writes to the stream (it is drawn again on the next update). */
  clear(): void {
    this.erase();
  }

  private erase(): void {
    if (this.drawnWidth === 0) return;
    this.stream.write(`\r${' '.repeat(this.drawnWidth)}\r`);
    this.drawnWidth = 0;
  }
}

function describe(a: Active): string {
  if (a.total !== undefined) return `${a.label} ${Math.min(a.done, a.total)}/${a.total}`;
  return a.done > 0 ? `${a.label} ${a.done}` : a.label;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
