/** `eleventh <command>`: dispatch, --version, help, and the error contract (typed errors: one line, no stack, exit 2). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean } from '../config/suggest';
import { describeFailure, UsageError } from '../errors';
import { clearProgressLine } from '../progress';
import type { Command, CommandIO } from './command';
import { COMMAND_NAMES, loadCommand } from './commands/lazy';
import { EXIT } from './exit-codes';
import { stopGraphWorkers } from '../pins/graph';
import { topLevelHelp } from './help';
import { applyHeapGrowing } from '../heap-growing';

/** The version of @eleventh/cli (tools/eleventh/package.json). */
export function cliVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

async function findCommand(name: string): Promise<Command> {
  const command = await loadCommand(name);
  if (command) return command;
  throw new UsageError(`unknown command '${name}'${didYouMean(name, COMMAND_NAMES) || ` (expected one of: ${COMMAND_NAMES.join(', ')})`}`);
}

/** Every command, for the help listing (the only place that needs them all). */
const allCommands = async (): Promise<readonly Command[]> => (await import('./commands')).commands;

async function dispatch(argv: readonly string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(topLevelHelp(await allCommands(), cliVersion()));
    return EXIT.badInput;
  }
  if (name === '--help' || name === '-h') return io.out(topLevelHelp(await allCommands(), cliVersion())), EXIT.ok;
  if (name === '--version' || name === '-V') return io.out(cliVersion()), EXIT.ok;
  if (name === 'help') {
    if (rest.length === 0) return io.out(topLevelHelp(await allCommands(), cliVersion())), EXIT.ok;
    if (rest.length > 1) throw new UsageError(`help: expected one command, got '${rest.join(' ')}' (expected eleventh help <command>)`);
    return (await findCommand(rest[0])).run(['--help'], io);
  }
  if (name.startsWith('-')) throw new UsageError(`unknown option '${name}' before the command${didYouMean(name, ['--help', '--version']) || ' (expected a command, --help or --version)'}`);
  return (await findCommand(name)).run(rest, io);
}

export async function runCli(argv: readonly string[], io: CommandIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    const failure = describeFailure(err);
    io.err(failure.bug ? `eleventh: internal error (a bug; please report it):\n${failure.text}` : failure.text);
    return failure.exitCode;
  }
}

/**
 * How long a settled run may stay open before it ends anyway. Longer than a late `process.exit` the guard is there
 * to report (its spec waits 10 s), short enough that a CI job is not held for its whole budget.
 */
const LINGER_MS = 30_000;

export function main(argv: readonly string[]): void {
  const io: CommandIO = {
    cwd: process.cwd(),
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => {
      clearProgressLine();
      process.stderr.write(`${t}\n`);
    },
    progress: process.stderr,
  };
  let settled = false;
  // A run whose promise never settles (something awaited that can no longer happen) would otherwise let
  // Node exit 0 with nothing done: make it a visible failure.
  process.once('beforeExit', () => {
    if (settled) return;
    process.stderr.write('eleventh: internal error (a bug; please report it): the run stopped before it finished\n');
    process.exitCode = EXIT.internal;
  });
  // Backstop for a `process.exit` the deploy.ts guard (load/contain.ts) cannot see, e.g. one a service
  // scheduled for later: a run that ends before it settled never reports success.
  // A `process.exit` after the run settled (a timer a deploy.ts left) would replace the run's exit code.
  let exitCalled = false;
  const realExit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    exitCalled = true;
    return realExit(code as number | undefined);
  }) as typeof process.exit;
  process.on('exit', (code) => {
    if (settled && !exitCalled) return;
    const what = settled ? `process.exit(${code}) was called after the run finished, replacing its exit code` : `the run was ended by process.exit(${code}) before it finished`;
    process.stderr.write(`eleventh: ${what} (expected no code it loads, such as a deploy.ts, to call process.exit)\n`);
    process.exitCode = EXIT.internal;
  });
  // A settled run whose process stays open (Nx's WebAssembly fallback when npm left out its native binary keeps
  // threads alive; so would a socket a deploy.ts opened) ends LINGER_MS later with the run's own code, and says so.
  const endLingering = (): void => {
    setTimeout(() => {
      process.stderr.write(`eleventh: the run finished ${LINGER_MS / 1000} s ago but something it loaded still held the process open (expected nothing to outlive the run, e.g. Nx's native binary installed: npm ls @nx/nx-${process.platform}-${process.arch}*); exiting with the run's code\n`);
      realExit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok);
    }, LINGER_MS).unref();
  };
  // Before any render worker starts (heap-growing.ts); a malformed setting is the run's usage error.
  const run = (): Promise<number> => {
    try {
      applyHeapGrowing();
    } catch (err) {
      const failure = describeFailure(err);
      io.err(failure.text);
      return Promise.resolve(failure.exitCode);
    }
    return runCli(argv, io);
  };
  run().then(
    (code) => {
      settled = true;
      stopGraphWorkers();
      process.exitCode = code;
      endLingering();
    },
    (err: unknown) => {
      settled = true;
      stopGraphWorkers();
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = EXIT.internal;
      endLingering();
    },
  );
}
