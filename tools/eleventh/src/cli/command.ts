/** The shape every command has: its help text and its run function (returns the exit code). */
export interface CommandIO {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], io: CommandIO): Promise<number>;
}
