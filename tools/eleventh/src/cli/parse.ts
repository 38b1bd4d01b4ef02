/**
 * argv → option values and positionals, checked against one declaration: unknown options (with "did you
 * mean"), missing values, choices, required options and positionals, exactly-one groups. Every problem is a
 * UsageError (exit 2, one line). Grammar: `--name value`, `--name=value`, `-x value`, `--` ends options;
 * a value starting with '-' must be written `--name=-value`; a lone `-` is a value.
 */
import { didYouMean, nearest } from '../config/suggest';
import { UsageError } from '../errors';
import type { OptionSpec, OptionSpecs, PositionalSpec } from './options';

export interface ParseSpec {
  readonly name: string;
  readonly options: OptionSpecs;
  readonly positionals: readonly PositionalSpec[];
  readonly exactlyOne: ReadonlyArray<readonly string[]>;
  readonly synopsis: string;
}

export interface ParsedArgs {
  readonly options: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: string[];
}

const isOptionLike = (arg: string): boolean => arg.length > 1 && arg.startsWith('-');

/** Whether argv asks for help (`-h`/`--help` anywhere before `--`): answered before anything else is checked. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

export const valueName = (o: OptionSpec): string => o.value ?? 'VALUE';

function unknownOption(spec: ParseSpec, raw: string): UsageError {
  const names = Object.keys(spec.options).map((n) => `--${n}`);
  const hint = didYouMean(raw, names);
  return new UsageError(`${spec.name}: unknown option '${raw}'${hint || ` (expected one of: ${names.join(', ')})`}`);
}

export function checkChoice(command: string, name: string, o: OptionSpec, value: string): void {
  if (!o.choices || o.choices.includes(value)) return;
  const near = nearest(value, o.choices);
  throw new UsageError(`${command}: --${name}: unknown value '${value}' (${near ? `did you mean '${near}'? ` : ''}expected one of: ${o.choices.join(', ')})`);
}

interface Cursor {
  readonly argv: readonly string[];
  i: number;
}

/** The value of a string option at argv[i] (inline, the next word, or its bare value). */
function takeValue(spec: ParseSpec, name: string, o: OptionSpec, inline: string | undefined, at: Cursor, cwd: string): string {
  if (inline !== undefined) return inline;
  const next = at.argv[at.i + 1];
  const isValue = next !== undefined && !isOptionLike(next);
  if (o.bare) {
    if (isValue && o.bare.takes?.(next, cwd)) return at.argv[++at.i];
    return o.bare.value;
  }
  if (isValue) return at.argv[++at.i];
  throw new UsageError(`${spec.name}: --${name} needs a value (expected --${name} ${valueName(o)}; a value starting with '-' as --${name}=-…)`);
}

function store(values: ParsedArgs['options'], spec: ParseSpec, name: string, o: OptionSpec, value: string): void {
  const items = o.multiple ? value.split(',').filter(Boolean) : [value];
  // `--env=` or `--env ''` (an unset shell variable) is no value: it must not quietly mean "every environment".
  if (items.length === 0 || value.trim() === '') throw new UsageError(`${spec.name}: --${name} needs a value (expected --${name} ${valueName(o)}, got '${value}')`);
  for (const item of items) checkChoice(spec.name, name, o, item);
  if (o.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), ...items];
  else values[name] = value;
}

function readTokens(spec: ParseSpec, argv: readonly string[], cwd: string): ParsedArgs {
  const shorts = new Map(Object.entries(spec.options).flatMap(([n, o]) => (o.short ? [[o.short, n] as const] : [])));
  const values: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  const at: Cursor = { argv, i: 0 };
  for (; at.i < argv.length; at.i++) {
    const arg = argv[at.i];
    if (arg === '--') {
      positionals.push(...argv.slice(at.i + 1));
      break;
    }
    if (!isOptionLike(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const name = raw.startsWith('--') ? raw.slice(2) : shorts.get(raw.slice(1));
    const o = name === undefined || !Object.hasOwn(spec.options, name) ? undefined : spec.options[name];
    if (!o || name === undefined) throw unknownOption(spec, raw);
    if (o.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`${spec.name}: --${name} takes no value (expected --${name} alone, got '${arg}')`);
      values[name] = true;
    } else store(values, spec, name, o, takeValue(spec, name, o, inline, at, cwd));
  }
  return { options: values, positionals };
}

function checkRules(spec: ParseSpec, parsed: ParsedArgs): void {
  for (const [name, o] of Object.entries(spec.options)) {
    if (parsed.options[name] === undefined && o.type === 'boolean') parsed.options[name] = false;
    if (parsed.options[name] === undefined && o.default !== undefined) parsed.options[name] = o.default;
    if (o.required && parsed.options[name] === undefined) throw new UsageError(`${spec.name}: --${name} ${valueName(o)} is required (expected ${spec.synopsis})`);
  }
  for (const group of spec.exactlyOne) {
    const given = group.filter((n) => parsed.options[n] !== undefined && parsed.options[n] !== false);
    if (given.length !== 1) {
      const shown = group.map((n) => (spec.options[n].type === 'boolean' ? `--${n}` : `--${n} ${valueName(spec.options[n])}`));
      throw new UsageError(`${spec.name}: give exactly one of ${shown.join(' or ')} (${given.length === 0 ? 'got none' : `got ${given.map((n) => `--${n}`).join(' and ')}`})`);
    }
  }
  const extra = parsed.positionals[spec.positionals.length];
  if (extra !== undefined) throw new UsageError(`${spec.name}: unexpected argument '${extra}' (expected ${spec.synopsis})`);
  const missing = spec.positionals.find((p, i) => p.required && parsed.positionals[i] === undefined);
  if (missing) throw new UsageError(`${spec.name}: missing ${missing.name} (expected ${spec.synopsis})`);
}

/** Parse and check `argv` against `spec`; throws UsageError on the first problem. */
export function parseCommandLine(spec: ParseSpec, argv: readonly string[], cwd: string): ParsedArgs {
  const parsed = readTokens(spec, argv, cwd);
  checkRules(spec, parsed);
  return parsed;
}
