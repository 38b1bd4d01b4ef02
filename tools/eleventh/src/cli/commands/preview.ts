import { UsageError } from '../../errors';
import { topLevel } from '../../git/run';
import { formatMarkdown } from '../../preview/format-md';
import { formatJson, formatText } from '../../preview/format-text';
import { failing } from '../../preview/describe';
import { preview } from '../../preview/preview';
import { defineCommand } from '../declare';
import { JSON_OPTION } from '../options';

const FORMATS = { md: formatMarkdown, text: formatText, json: formatJson } as const;

export const previewCommand = defineCommand({
  name: 'preview',
  summary: 'What merging the work tree would change, per environment, against the base: manifest diffs, pins that would move and why, failing policies; writes nothing',
  description: `Renders the work tree (uncommitted and untracked changes included) in memory and compares it, per
environment, with the generated files committed at the base. Writes nothing: not the environments tree,
not tmp/, not git. Pull-request pipelines post it as one comment (tools/eleventh/src/preview/README.md).
Exit 0: previewed (with or without changes); 1: policies or schemas would fail; 2: bad input.`,
  options: {
    base: { type: 'string', value: 'REF', description: 'compare with REF (default: the merge-base of HEAD with origin/main, else with main)' },
    format: { type: 'string', choices: ['md', 'text', 'json'], description: 'md: Markdown for a pull-request comment (the default unless stdout is a terminal, then text); json: the data' },
    json: { ...JSON_OPTION, description: 'the same as --format json' },
  },
  examples: ['eleventh preview', 'eleventh preview --base origin/main --format md > preview.md'],
  async run({ options }, io) {
    if (options.json && options.format !== undefined && options.format !== 'json') throw new UsageError(`preview: --json and --format ${options.format} disagree (expected one of them)`);
    const format = options.json ? 'json' : (options.format ?? (process.stdout.isTTY ? 'text' : 'md'));
    const result = await preview({ root: topLevel(io.cwd), base: options.base });
    io.out(FORMATS[format](result));
    return failing(result) ? 1 : 0;
  },
});
