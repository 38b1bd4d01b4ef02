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
}
