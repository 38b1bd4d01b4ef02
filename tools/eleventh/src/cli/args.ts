/** Command-line parsing on node:util's parseArgs: unknown flags and missing values are usage errors (exit 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly values: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

export function parse(command: string, argv: readonly string[], options: Options, maxPositionals = 0): Parsed {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }) as Parsed;
  } catch (err) {
    throw new UsageError(`${command}: ${(err as Error).message}`, `eleventh ${command} --help`);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`${command}: unexpected argument '${parsed.positionals[maxPositionals]}'`, `eleventh ${command} --help`);
  }
  return parsed;
}

export function str(p: Parsed, key: string): string | undefined {
  const v = p.values[key];
  return typeof v === 'string' ? v : undefined;
}

export function list(p: Parsed, key: string): string[] | undefined {
  const v = p.values[key];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [String(v)]).flatMap((x) => x.split(',')).filter(Boolean);
}

export function flag(p: Parsed, key: string): boolean {
  return p.values[key] === true;
}
