/**
 * The shape every command has: `defineCommand` (declare.ts) builds it from one declaration. main.ts only
 * needs the name, the summary and `run`; help, the README table and parsing come from `spec`.
 */
import type { ProgressStream } from '../progress';
import type { OptionSpecs, PositionalSpec } from './options';

export interface CommandIO {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Where progress goes (the process's stderr); none: no progress (in-process specs). */
  readonly progress?: ProgressStream;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** The declaration: options, positionals, description (absent only for hand-made test commands). */
  readonly spec?: DeclaredCommand;
  /** Parse argv against the declaration, answer --help, run; returns the exit code. */
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}

/** A command's declaration as help, the README tables and parsing read it. */
export interface DeclaredCommand {
  readonly name: string;
  readonly summary: string;
  readonly description?: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: OptionSpecs;
  readonly exactlyOne: ReadonlyArray<readonly string[]>;
  readonly examples: readonly string[];
  /** `eleventh diff A B [--env E] [--format text|md|json] [--json]` */
  readonly synopsis: string;
}
