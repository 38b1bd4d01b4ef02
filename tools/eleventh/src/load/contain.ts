/**
 * Runs a service's own code — loading its `deploy.ts`, calling its `customize` — contained: a hang is cut off
 * after ELEVENTH_DEPLOY_TIMEOUT seconds, `process.exit` throws instead of ending the run, and whatever it
 * throws becomes one `services/x/deploy.ts[:line]: …` ConfigError (exit 2) instead of a stack trace.
 *
 * Why in-process with V8's watchdog (vm `timeout`) and not a worker: the engine loads thousands of deploy.ts
 * files per run and already renders big runs in worker threads (engine/render-pool.ts); the objects customize
 * returns are kubernetes-models instances that do not survive a structured clone. A vm timeout costs ~0.1 ms
 * a call and interrupts synchronous code (deploy.ts is synchronous: a module and a function), so it guards
 * each load and each customize call where it runs, in the main thread or a render worker alike.
 */
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { ConfigError, ElevenError } from '../errors';
import { deployTimeout } from './deploy-timeout';
import { importLine, lineOf, swcSyntaxError } from './stack-line';
import { stepBoard } from './supervision';

const SLOT = Symbol.for('eleventh.contained');
const slots = globalThis as unknown as Record<symbol, (() => void) | undefined>;
let script: Script | undefined;

/** Thrown by the guarded `process.exit`: caught here, reported as the service's fault. */
class ExitAttempt extends Error {
  constructor(readonly code: unknown) {
    super(`process.exit(${code === undefined ? '' : String(code)}) is not allowed in deploy.ts`);
    this.name = 'ExitAttempt';
  }
}

export type ContainedStep = 'load' | 'customize';

const EXPECTED: Record<ContainedStep, string> = {
  load: 'a module whose default export is defineService({...})',
  customize: 'customize to return the list of objects',
};

interface Guard {
  exitCode?: { value: unknown; line?: number };
}

function withExitGuarded<T>(absFile: string, guard: Guard, fn: () => T): T {
  const original = process.exit;
  process.exit = ((code?: unknown) => {
    const err = new ExitAttempt(code);
    guard.exitCode ??= { value: code, line: lineOf(err, absFile) };
    throw err;
  }) as typeof process.exit;
  try {
    return fn();
  } finally {
    process.exit = original;
  }
}

function runTimed<T>(fn: () => T, ms: number): T {
  script ??= new Script('globalThis[Symbol.for("eleventh.contained")]()', { filename: 'eleventh:contained' });
  let result: T | undefined;
  const previous = slots[SLOT];
  slots[SLOT] = () => {
    result = fn();
  };
  try {
    script.runInThisContext({ timeout: ms });
  } finally {
    slots[SLOT] = previous;
  }
  return result as T;
}

function importedAt(absFile: string, specifier: string): number | undefined {
  try {
    return importLine(readFileSync(absFile, 'utf8'), specifier);
  } catch {
    return undefined;
  }
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0].trim();
}

function isKitError(err: unknown): err is Error & { problem: string; expected?: string } {
  return err instanceof Error && err.name === 'KitError' && typeof (err as { problem?: unknown }).problem === 'string';
}

/** A step cut off after ELEVENTH_DEPLOY_TIMEOUT (by V8's watchdog here, or by the render pool for a worker). */
export function timeoutError(deployFile: string, step: ContainedStep): ConfigError {
  const s = deployTimeout().seconds;
  const what = step === 'load' ? 'did not finish loading' : "'customize' did not finish";
  return new ConfigError({ file: deployFile }, `${what} within ${s} s`, `${step === 'load' ? 'deploy.ts to return its definition' : 'customize to return its objects'}; raise ELEVENTH_DEPLOY_TIMEOUT (seconds, now ${s}) if it really needs longer`);
}

/** Turn what a service's code threw into one line naming its deploy.ts. */
function blame(err: unknown, deployFile: string, absFile: string, step: ContainedStep): Error {
  if (err instanceof ElevenError) return err;
  const line = lineOf(err, absFile);
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return timeoutError(deployFile, step);
  if (code === 'MODULE_NOT_FOUND' && err instanceof Error) {
    const missing = /Cannot find module '([^']+)'/.exec(err.message)?.[1] ?? firstLine(err);
    return new ConfigError({ file: deployFile, line: importedAt(absFile, missing) ?? line }, `cannot find module '${missing}' that it imports`, 'an installed package (in package.json) or a relative path to an existing file');
  }
  const syntax = swcSyntaxError(err, absFile);
  if (syntax) return new ConfigError({ file: deployFile, line: syntax.line }, `syntax error: ${syntax.message}`, 'valid TypeScript');
  if (isKitError(err) && step === 'load') return new ConfigError({ file: deployFile, line }, err.problem, err.expected);
  if (isKitError(err)) return err;
  const kind = err instanceof Error ? err.name : typeof err;
  return new ConfigError({ file: deployFile, line }, `${step === 'load' ? 'threw while loading' : "'customize' threw"}: ${kind}: ${firstLine(err)}`, EXPECTED[step]);
}

/**
 * Run `fn` (a step of the service whose deploy.ts is `absFile`, repository-relative `deployFile`) contained.
 * A KitError from `customize` passes through (the renderer reports it with the environment).
 */
export function contained<T>(deployFile: string, absFile: string, step: ContainedStep, fn: () => T): T {
  const guard: Guard = {};
  let result: T;
  const board = stepBoard();
  try {
    if (board) {
      // A supervised render worker: its parent ends it if this step overruns (supervision.ts).
      board.begin(deployFile, step);
      try {
        result = withExitGuarded(absFile, guard, fn);
      } finally {
        board.end();
      }
    } else result = runTimed(() => withExitGuarded(absFile, guard, fn), deployTimeout().ms);
  } catch (err) {
    if (guard.exitCode) throw exitError(deployFile, guard);
    throw blame(err, deployFile, absFile, step);
  }
  // An exit attempt the service caught itself still fails the run.
  if (guard.exitCode) throw exitError(deployFile, guard);
  return result;
}

function exitError(deployFile: string, guard: Guard): ConfigError {
  const { value, line } = guard.exitCode!;
  return new ConfigError(
    { file: deployFile, line },
    `called process.exit(${value === undefined ? '' : JSON.stringify(value)}), which would end the run`,
    'deploy.ts to export its definition without exiting; throw an Error to report a problem',
  );
}
