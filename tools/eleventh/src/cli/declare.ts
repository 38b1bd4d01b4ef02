/**
 * One declaration per command — name, summary, positionals, options, a longer description — and from it:
 * parsing (parse.ts), `--help` (help.ts), the `eleventh --help` listing and the README's Commands table
 * (docs.ts). `defineCommand` is the only way a command is made; cli/README.md shows how to write one.
 */
import type { Command, CommandIO, DeclaredCommand } from './command';
export type { DeclaredCommand } from './command';
import { COMMON_OPTIONS, type Args, type OptionSpec, type OptionSpecs, type PositionalSpec } from './options';
import { parseCommandLine, valueName, wantsHelp } from './parse';
import { commandHelp } from './help';
import { runWithProgress } from './with-progress';

export interface CommandDeclaration<O extends OptionSpecs> {
  readonly name: string;
  /** One sentence: the `eleventh --help` listing and the README table. */
  readonly summary: string;
  /** Paragraphs for `eleventh <name> --help`, as written (line breaks kept). */
  readonly description?: string;
  readonly positionals?: readonly PositionalSpec[];
  /** In the order help lists them; `--help` and `--quiet` are added to every command. */
  readonly options: O;
  /** Groups of options of which exactly one must be given: `[['tag', 'from']]`. */
  readonly exactlyOne?: ReadonlyArray<readonly (keyof O & string)[]>;
  /** Command lines shown under "examples". */
  readonly examples?: readonly string[];
  run(args: Args<O>, io: CommandIO): Promise<number>;
}

/** A declaration with the common options added and its synopsis derived: what help and docs read. */
function optionUsage(name: string, o: OptionSpec): string {
  if (o.type === 'boolean') return `--${name}`;
  if (o.bare) return `--${name} [${o.value ?? 'VALUE'}]`;
  return `--${name} ${o.choices && !o.value ? o.choices.join('|') : valueName(o)}`;
}

function synopsisOf(name: string, positionals: readonly PositionalSpec[], options: OptionSpecs, groups: ReadonlyArray<readonly string[]>): string {
  const parts = [`eleventh ${name}`, ...positionals.map((p) => (p.required ? p.name : `[${p.name}]`))];
  for (const [n, o] of Object.entries(options)) {
    if (n in COMMON_OPTIONS) continue;
    const group = groups.find((g) => g.includes(n));
    if (group) {
      if (group[0] === n) parts.push(`(${group.map((m) => optionUsage(m, options[m])).join(' | ')})`);
    } else parts.push(o.required ? optionUsage(n, o) : `[${optionUsage(n, o)}]`);
  }
  return parts.join(' ');
}

export function declare<O extends OptionSpecs>(decl: CommandDeclaration<O>): DeclaredCommand {
  const options: OptionSpecs = { ...decl.options, ...COMMON_OPTIONS };
  const positionals = decl.positionals ?? [];
  const exactlyOne = decl.exactlyOne ?? [];
  for (const group of exactlyOne) for (const n of group) if (!(n in decl.options)) throw new Error(`${decl.name}: exactlyOne names undeclared option '${n}'`);
  return {
    name: decl.name,
    summary: decl.summary,
    description: decl.description,
    positionals,
    options,
    exactlyOne,
    examples: decl.examples ?? [],
    synopsis: synopsisOf(decl.name, positionals, options, exactlyOne),
  };
}

/** Make a command from its declaration: `run` receives typed, checked values; `--help` never reaches it. */
export function defineCommand<const O extends OptionSpecs>(decl: CommandDeclaration<O>): Command {
  const spec = declare(decl);
  return {
    name: spec.name,
    summary: spec.summary,
    spec,
    async run(argv, io) {
      if (wantsHelp(argv)) {
        io.out(commandHelp(spec));
        return 0;
      }
      const parsed = parseCommandLine(spec, argv, io.cwd);
      const args = parsed as unknown as Args<O>;
      return runWithProgress(io, args.options.quiet, () => decl.run(args, io));
    },
  };
}
