/**
 * What a policy rule is and what it finds.
 */

/** One policy violation. */
export interface PolicyFinding {
  /** Rule name, e.g. `no-mutable-image-tag`. */
  readonly rule: string;
  /** The object, e.g. `Deployment payments/payments-api`. */
  readonly object: string;
  /** What is wrong, naming the container. */
  readonly message: string;
}

/** A rule: a name and a check returning one message per violation in one object's JSON. */
export interface PolicyRule {
  readonly name: string;
  /** One line for docs and `--help`. */
  readonly description: string;
  readonly check: (object: Readonly<Record<string, unknown>>) => string[];
}
