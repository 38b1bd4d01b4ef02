import { UsageError } from '../../errors';
import { topLevel } from '../../git/run';
import { diffRecipes } from '../../release/diff/diff';
import { formatJson, formatMarkdown, formatText } from '../../release/diff/format';
import { flag, list, parse, str } from '../args';
import type { Command } from '../command';

const FORMATS = { text: formatText, md: formatMarkdown, json: formatJson } as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: "What changed between two refs' or two environments' recipes: services added, removed, moved, config",
  usage: `eleventh diff A B [--env E[,E…]] [--format text|md|json]

  A B both environments (e.g. \`diff staging prod\`): their recipes and resolved config at HEAD.
  A B git revisions (tags, branches, commits): each environment's recipe at A against B (--env: only these).
  Each move lists every commit between the pins that changed the service's image inputs (own files,
  each library it imports per the Nx graph, its locked packages); then the services re-rendered with the
  same image and the manifest-only commits (kit, deploy.ts, configuration) between the two sides' sources.
  A promotion tag of a promoted --env stands for the recipe that promotion left.
  Two environments: pins and digests side by side, and the resolved config differences.
  --format md  Markdown tables, ready for a pull request or a chat message`,
  async run(argv, io) {
    const p = parse('diff', argv, { env: { type: 'string', multiple: true }, format: { type: 'string' } }, 2);
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const [a, b] = p.positionals;
    if (!a || !b) throw new UsageError('diff: expected two environments or two revisions', 'eleventh diff staging prod');
    const format = str(p, 'format') ?? 'text';
    if (!(format in FORMATS)) throw new UsageError(`diff: unknown --format '${format}'`, 'one of: text, md, json');
    const diffs = await diffRecipes({ root: topLevel(io.cwd), a, b, envs: list(p, 'env') });
    io.out(FORMATS[format as keyof typeof FORMATS](diffs));
    return 0;
  },
};
