import { UsageError } from '../../errors';
import { topLevel } from '../../git/run';
import { formatMarkdown } from '../../preview/format-md';
import { formatJson, formatText } from '../../preview/format-text';
import { failing } from '../../preview/describe';
import { preview } from '../../preview/preview';
import { flag, parse, str } from '../args';
import type { Command } from '../command';

const FORMATS = { md: formatMarkdown, text: formatText, json: formatJson } as const;

export const previewCommand: Command = {
  name: 'preview',
  summary: 'What merging the work tree would change: manifest diffs, pins that would move and why, failing policies',
  usage: `eleventh preview [--base REF] [--format md|text|json]

  Renders the work tree (uncommitted and untracked changes included) in memory and compares it, per
  environment, with the generated files committed at the base. Writes nothing.
  --base REF     compare with REF (default: the merge-base of HEAD with origin/main, else with main)
  --format md    Markdown for a pull-request comment (the default unless stdout is a terminal: text)
  --format json  the same data, for tools
  Exit 0: previewed (with or without changes); 1: policies or schemas would fail; 2: bad input.`,
  async run(argv, io) {
    const p = parse('preview', argv, { base: { type: 'string' }, format: { type: 'string' } });
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const format = str(p, 'format') ?? (process.stdout.isTTY ? 'text' : 'md');
    if (!(format in FORMATS)) throw new UsageError(`preview: unknown --format '${format}'`, 'one of: md, text, json');
    const result = await preview({ root: topLevel(io.cwd), base: str(p, 'base') });
    io.out(FORMATS[format as keyof typeof FORMATS](result));
    return failing(result) ? 1 : 0;
  },
};
