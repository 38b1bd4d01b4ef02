import { topLevel } from '../../git/run';
import { describeMove, movedBetween } from '../../release/moved';
import { planRollback } from '../../release/rollback';
import { changeOf, writeRelease } from '../../release/release-plan';
import { publish } from '../../release/publish';
import { defineCommand } from '../declare';
import { JSON_OPTION } from '../options';
import { logChanged, printJson } from '../output';
import { PUBLISH_OPTIONS } from './publish-options';

export const rollbackCommand = defineCommand({
  name: 'rollback',
  summary: "Restore a promoted environment exactly as a tag's promotion left it (a new commit, never a rewrite)",
  description: `Finds, in the history of environments/ENV/recipe.yaml, the newest commit whose recipe records
promotedFrom.tag == TAG, and re-renders ENV from that recipe (from its promotedFrom commit's sources).`,
  positionals: [{ name: 'ENV', required: true, description: 'the promoted environment to roll back' }],
  options: {
    to: { type: 'string', value: 'TAG', required: true, description: 'the promotion tag to restore' },
    json: JSON_OPTION,
    ...PUBLISH_OPTIONS,
  },
  examples: ['eleventh rollback preprod --to preprod-v2 --commit'],
  async run({ options, positionals }, io) {
    const root = topLevel(io.cwd);
    const [env] = positionals;
    const tag = options.to;
    const { result, commits } = await publish({ root, action: 'rollback', commit: options.commit, push: options.push, log: io.err }, async () => {
      const plan = await planRollback({ root, environment: env, tag });
      const files = await writeRelease(root, plan);
      return { plan, files, changes: [changeOf(plan)] };
    });
    const moves = movedBetween(result.plan.previous, result.plan.recipe);
    if (options.json) printJson(io, { environment: env, tag, promotedFrom: result.plan.recipe.promotedFrom, moved: moves, filesChanged: result.files.length, commits });
    else io.out([`${env}: rolled back to ${tag}, ${moves.length} moved`, ...moves.map((m) => `  ${describeMove(m)}`)].join('\n'));
    logChanged(io, result.files.length, commits);
    return 0;
  },
});
