import { UsageError } from '../../errors';
import { topLevel } from '../../git/run';
import { diffRecipes } from '../../release/diff/diff';
import { formatJson, formatMarkdown, formatText } from '../../release/diff/format';
import { defineCommand } from '../declare';
import { ENVS_OPTION, JSON_OPTION } from '../options';

const FORMATS = { text: formatText, md: formatMarkdown, json: formatJson } as const;

export const diffCommand = defineCommand({
  name: 'diff',
  summary: "What changed between two refs' or two environments' recipes: services added, removed, moved (with every commit behind each move), config",
  description: `A B both environments (e.g. \`diff staging prod\`): their recipes and resolved config at HEAD — pins and
digests side by side, and the resolved config differences.
A B git revisions (tags, branches, commits): each environment's recipe at A against B (--env: only these).
Each move lists every commit between the pins that changed the service's image inputs (own files, each
library it imports per the Nx graph, its locked packages); then the services re-rendered with the same
image and the manifest-only commits (kit, deploy.ts, configuration) between the two sides' sources.
A promotion tag of a promoted --env stands for the recipe that promotion left.`,
  positionals: [
    { name: 'A', required: true, description: 'an environment or a git revision' },
    { name: 'B', required: true, description: 'an environment or a git revision (the same kind as A)' },
  ],
  options: {
    env: ENVS_OPTION,
    format: { type: 'string', choices: ['text', 'md', 'json'], default: 'text', description: 'text; md: Markdown tables, ready for a pull request or a chat message; json: the data' },
    json: { ...JSON_OPTION, description: 'the same as --format json' },
  },
  examples: ['eleventh diff staging prod', 'eleventh diff preprod-v2 preprod-v3 --env preprod --format md'],
  async run({ options, positionals }, io) {
    const [a, b] = positionals;
    if (options.json && options.format !== 'text' && options.format !== 'json') throw new UsageError(`diff: --json and --format ${options.format} disagree (expected one of them)`);
    const format = options.json ? 'json' : options.format;
    const diffs = await diffRecipes({ root: topLevel(io.cwd), a, b, envs: options.env });
    io.out(FORMATS[format](diffs));
    return 0;
  },
});
