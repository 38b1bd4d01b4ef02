/**
 * Errors the kit throws for bad input (a `deploy.ts` spec, resolved config, tenant or profile names).
 * The engine prefixes the file that caused it and prints `path: problem (expected …)`.
 */
export class KitError extends Error {
  constructor(
    /** What is wrong, quoting the bad value, e.g. `'port' (0) is out of range`. */
    readonly problem: string,
    /** What would have been accepted. */
    readonly expected?: string,
    options?: { cause?: unknown },
  ) {
    super(`${problem}${expected ? ` (expected ${expected})` : ''}`, options);
    this.name = 'KitError';
  }
}

/** Quote a received value for a message: strings in single quotes, the rest as JSON, shortened. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
