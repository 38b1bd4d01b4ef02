/**
 * The one error a generator throws for bad input: `path: what is wrong (expected …)`.
 * Generators check everything in `normalizeOptions` before the first write, so a refusal writes nothing.
 */
export class GeneratorError extends Error {
  constructor(
    /** Repository-relative path the problem is about (file or folder). */
    readonly path: string,
    /** What is wrong, quoting the bad value. */
    readonly problem: string,
    /** What would have been accepted. */
    readonly expected?: string,
  ) {
    super(`${path}: ${problem}${expected ? ` (expected ${expected})` : ''}`);
    this.name = 'GeneratorError';
  }
  /** Bad input, as `eleventh new` reports it (it duck-types these two, not importing this package). */
  readonly exitCode = 2;
  report(): string {
    return this.message;
  }
}

/** Several refusals at once (every problem, not the first only); nothing has been written. */
export class GeneratorErrors extends Error {
  constructor(readonly errors: readonly GeneratorError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'GeneratorErrors';
  }
  readonly exitCode = 2;
  report(): string {
    return this.message;
  }
}

/** Throw the refusals, if any: the one error itself, or all of them together. */
export function refuseAll(errors: readonly GeneratorError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new GeneratorErrors(errors);
}
