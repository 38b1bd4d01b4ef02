/** Help text from declarations: `eleventh <command> --help` and the `eleventh --help` listing. */
import type { DeclaredCommand } from './command';
import { EXIT_CODES, exitCodesLine } from './exit-codes';
import type { OptionSpec } from './options';
import { valueName } from './parse';

const WIDTH = 100;

/** Words of `text` in lines of at most `width` columns, each placed after `indent` columns (joined with that indent). */
export function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

function optionLabel(name: string, o: OptionSpec): string {
  const long = o.type === 'boolean' ? `--${name}` : o.bare ? `--${name} [${o.value ?? 'VALUE'}]` : `--${name} ${o.choices && !o.value ? o.choices.join('|') : valueName(o)}`;
  return o.short ? `-${o.short}, ${long}` : `    ${long}`;
}

function optionText(name: string, o: OptionSpec): string {
  const notes = [
    o.default !== undefined ? `default: ${o.default}` : '',
    o.bare ? `--${name} alone: ${o.bare.value}` : '',
    o.required ? 'required' : '',
  ].filter(Boolean);
  return notes.length > 0 ? `${o.description} (${notes.join('; ')})` : o.description;
}

/** Rows `  label   text`, the text column aligned and wrapped. */
function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.min(28, Math.max(...rows.map(([l]) => l.length)));
  return rows.map(([label, text]) => {
    const pad = label.length > width ? `\n${' '.repeat(width + 4)}` : ' '.repeat(width - label.length + 2);
    return `  ${label}${pad}${wrap(text, WIDTH, width + 4)}`;
  });
}

export function commandHelp(spec: DeclaredCommand): string {
  const out = [`usage: ${spec.synopsis}`, '', wrap(spec.summary, WIDTH, 0)];
  if (spec.description) out.push('', spec.description.trim());
  if (spec.positionals.length > 0) out.push('', 'arguments:', ...table(spec.positionals.map((p) => [p.name, p.description] as const)));
  out.push('', 'options:', ...table(Object.entries(spec.options).map(([n, o]) => [optionLabel(n, o), optionText(n, o)] as const)));
  if (spec.exactlyOne.length > 0) out.push('', ...spec.exactlyOne.map((g) => `exactly one of: ${g.map((n) => `--${n}`).join(', ')}`));
  if (spec.examples.length > 0) out.push('', 'examples:', ...spec.examples.map((e) => `  ${e}`));
  out.push('', `exit codes: ${exitCodesLine()}`);
  return out.join('\n');
}

export function topLevelHelp(commands: readonly { readonly name: string; readonly summary: string }[], version: string): string {
  return [
    `usage: eleventh <command> [options]     (@eleventh/cli ${version})`,
    '       eleventh <command> --help, eleventh help <command>: the options of one command',
    '',
    'commands:',
    ...table(commands.map((c) => [c.name, c.summary] as const)),
    '',
    'options:',
    ...table([
      ['-V, --version', 'print the version of @eleventh/cli'],
      ['-h, --help', 'print this list'],
    ]),
    '',
    'exit codes:',
    ...table(EXIT_CODES.map((e) => [String(e.code), e.meaning] as const)),
  ].join('\n');
}
