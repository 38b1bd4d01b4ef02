/**
 * Typed errors. Anything extending `ElevenError` is the user's input or environment, printed by the CLI
 * as `path[:line]: message (expected …)` without a stack trace and exit code `exitCode`. Any other
 * error is a bug and keeps its stack.
 */
export abstract class ElevenError extends Error {
  abstract readonly exitCode: number;
  /** The one-line report the CLI prints. */
  abstract report(): string;
}

export interface Where {
  /** Repository-relative path (POSIX separators). */
  readonly file: string;
  /** 1-based line, when known. */
  readonly line?: number;
  /** 1-based column on that line, when known (the TypeScript checker's positions). */
  readonly column?: number;
}

function where(w: Where): string {
  if (!w.line) return w.file;
  return w.column ? `${w.file}:${w.line}:${w.column}` : `${w.file}:${w.line}`;
}

/** `problem (expected …)`, the hint once: a problem that already carries one (a KitError's message) keeps its own. */
export function withExpected(problem: string, expected?: string): string {
  return expected && !problem.includes('(expected ') ? `${problem} (expected ${expected})` : problem;
}

/** Bad configuration or bad names: exit 2. */
export class ConfigError extends ElevenError {
  readonly exitCode = 2;
  constructor(
    readonly at: Where,
    readonly problem: string,
    readonly expected?: string,
    options?: { cause?: unknown },
  ) {
    super(`${where(at)}: ${withExpected(problem, expected)}`, options);
    this.name = 'ConfigError';
  }
  report(): string {
    return this.message;
  }
}

/** Several input problems found in one pass: all are reported, exit 2. */
export class ConfigErrors extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly errors: readonly ConfigError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ConfigErrors';
  }
  report(): string {
    return this.message;
  }
}

/** Bad command-line usage: exit 2. */
export class UsageError extends ElevenError {
  readonly exitCode = 2;
  constructor(message: string, readonly hint?: string) {
    super(hint ? `${message}\nhint: ${hint}` : message);
    this.name = 'UsageError';
  }
  report(): string {
    return `eleventh: ${this.message}`;
  }
}

/** A git command failed: carries the command and its stderr. */
export class GitError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly args: readonly string[], readonly stderr: string, readonly status: number | null) {
    super(`git ${args.join(' ')}: exited ${status ?? 'by signal'}: ${stderr.trim().split('\n').slice(0, 5).join('\n')}`);
    this.name = 'GitError';
  }
  report(): string {
    return this.message;
  }
}

export const SHALLOW_HINT = 'this clone is shallow: fetch full history (git fetch --unshallow, or actions/checkout with fetch-depth: 0)';

/** The command needs git history a shallow clone (CI's default `fetch-depth: 1`) does not have: exit 2. */
export class ShallowCloneError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly what?: string, options?: { cause?: unknown }) {
    super(what ? `${what}: ${SHALLOW_HINT}` : SHALLOW_HINT, options);
    this.name = 'ShallowCloneError';
  }
  report(): string {
    return `eleventh: ${this.message}`;
  }
}

/** A rendered object broke a schema or a platform policy: exit 2 at render time (nothing is written). */
export class ValidationError extends ElevenError {
  readonly exitCode = 2;
  constructor(readonly findings: readonly string[]) {
    super(findings.join('\n'));
    this.name = 'ValidationError';
  }
  report(): string {
    return this.message;
  }
}

/** Turn a thrown value into the CLI's output and exit code. */
export function describeFailure(err: unknown): { text: string; exitCode: number; bug: boolean } {
  if (err instanceof ElevenError) return { text: err.report(), exitCode: err.exitCode, bug: false };
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return { text, exitCode: 70, bug: true };
}

/** An error as it crosses a worker thread (structured clone keeps no classes). */
export interface WireError {
  readonly kind: 'ConfigError' | 'ConfigErrors' | 'ValidationError' | 'UsageError' | 'Error';
  readonly message: string;
  readonly stack?: string;
  readonly at?: Where;
  readonly problem?: string;
  readonly expected?: string;
  readonly errors?: readonly WireError[];
  readonly findings?: readonly string[];
}

export function toWire(err: unknown): WireError {
  if (err instanceof ConfigError) return { kind: 'ConfigError', message: err.message, at: err.at, problem: err.problem, expected: err.expected };
  if (err instanceof ConfigErrors) return { kind: 'ConfigErrors', message: err.message, errors: err.errors.map(toWire) };
  if (err instanceof ValidationError) return { kind: 'ValidationError', message: err.message, findings: err.findings };
  if (err instanceof UsageError) return { kind: 'UsageError', message: err.message };
  const e = err instanceof Error ? err : new Error(String(err));
  return { kind: 'Error', message: e.message, stack: e.stack };
}

export function fromWire(w: WireError): Error {
  switch (w.kind) {
    case 'ConfigError':
      return new ConfigError(w.at!, w.problem!, w.expected);
    case 'ConfigErrors':
      return new ConfigErrors((w.errors ?? []).map((e) => fromWire(e) as ConfigError));
    case 'ValidationError':
      return new ValidationError(w.findings ?? []);
    case 'UsageError':
      return new UsageError(w.message);
    default: {
      const e = new Error(w.message);
      if (w.stack) e.stack = w.stack;
      return e;
    }
  }
}
