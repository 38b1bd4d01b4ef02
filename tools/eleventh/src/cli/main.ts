/** `eleventh <command>`: dispatch, help, and the error contract (typed errors: one line, no stack, exit 2). */
import { describeFailure, UsageError } from '../errors';
import type { Command, CommandIO } from './command';
import { commands } from './commands';

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return ['usage: eleventh <command> [options]   (eleventh <command> --help)', '', ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)].join('\n');
}

export async function runCli(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command '${name}'`, `one of: ${commands.map((c) => c.name).join(', ')}`);
    return await command.run(rest, io);
  } catch (err) {
    const failure = describeFailure(err);
    io.err(failure.bug ? `eleventh: internal error (a bug; please report it):\n${failure.text}` : failure.text);
    return failure.exitCode;
  }
}

export function main(argv: readonly string[]): void {
  const io: CommandIO = {
    cwd: process.cwd(),
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
  };
  let settled = false;
  // A run whose promise never settles (something awaited that can no longer happen) would otherwise let
  // Node exit 0 with nothing done: make it a visible failure.
  process.once('beforeExit', () => {
    if (settled) return;
    process.stderr.write('eleventh: internal error (a bug; please report it): the run stopped before it finished\n');
    process.exitCode = 70;
  });
  runCli(argv, io).then(
    (code) => {
      settled = true;
      process.exitCode = code;
    },
    (err: unknown) => {
      settled = true;
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
