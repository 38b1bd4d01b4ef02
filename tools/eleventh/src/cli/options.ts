/** The option and positional declarations a command is made of, and the option values they parse to. */

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** One line (wrapped in help). */
  readonly description: string;
  /** One letter: `-q` for `--quiet`. */
  readonly short?: string;
  /** Repeatable, each value split on commas: `--env a,b --env c` gives ['a', 'b', 'c']. */
  readonly multiple?: boolean;
  /** The only values accepted; anything else is exit 2 naming them. */
  readonly choices?: readonly string[];
  /** The value when the option is not given. */
  readonly default?: string;
  /** The value's name in help and errors: `--env ENV`. @default 'VALUE' */
  readonly value?: string;
  /** Must be given: shown without brackets, missing is exit 2. */
  readonly required?: boolean;
  /**
   * The value of the option given bare (`--push` means `--push=origin`). The next word is taken as the value
   * only when `takes(word, cwd)` says so (`--push upstream` when upstream is a remote).
   */
  readonly bare?: { readonly value: string; readonly takes?: (word: string, cwd: string) => boolean };
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface PositionalSpec {
  /** As shown in help: `ENV`, `A`, `<env>/<namespace>/<service>`. */
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
}

type Choice<S> = S extends { readonly choices: readonly (infer C)[] } ? C : string;

/** What `args.options[name]` holds for an option declared as `S`. */
export type OptionValue<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { readonly multiple: true }
    ? string[] | undefined
    : S extends { readonly default: string } | { readonly required: true }
      ? Choice<S>
      : Choice<S> | undefined;

export type OptionValues<O extends OptionSpecs> = { readonly [K in keyof O]: OptionValue<O[K]> };

/** What a command's `run` receives. Required positionals are present; optional ones may be undefined. */
export interface Args<O extends OptionSpecs> {
  readonly options: OptionValues<O> & { readonly quiet: boolean };
  readonly positionals: readonly string[];
}

/** Options every command has; `--help` and `--quiet` are answered before `run`. */
export const COMMON_OPTIONS = {
  quiet: { type: 'boolean', short: 'q', description: 'no progress lines on stderr' },
  help: { type: 'boolean', short: 'h', description: 'print this help and exit 0 (works outside a repository)' },
} as const satisfies OptionSpecs;

/** `--json`, declared by every command that prints data (see cli/README.md, "--json"). */
export const JSON_OPTION = {
  type: 'boolean',
  description: 'print the result as one JSON document on stdout (logs and errors stay on stderr)',
} as const satisfies OptionSpec;

/** `--env E[,E…]`, repeatable. */
export const ENVS_OPTION = {
  type: 'string',
  multiple: true,
  value: 'E',
  description: 'only these environments (repeatable or comma-separated; default: every one)',
} as const satisfies OptionSpec;
