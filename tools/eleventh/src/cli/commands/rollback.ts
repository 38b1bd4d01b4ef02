import { UsageError } from '../../errors';
import { topLevel } from '../../git/run';
import { describeMove, movedBetween } from '../../release/moved';
import { planRollback } from '../../release/rollback';
import { changeOf, writeRelease } from '../../release/release-plan';
import { normalisePushArg, publish } from '../../release/publish';
import { flag, parse, str } from '../args';
import type { Command } from '../command';
import { PUBLISH_USAGE } from './promote';

export const rollbackCommand: Command = {
  name: 'rollback',
  summary: "Restore a promoted environment exactly as a tag's promotion left it (a new commit, never a rewrite)",
  usage: `eleventh rollback ENV --to TAG [--commit] [--push [remote]] [--json]

  Finds, in the history of environments/ENV/recipe.yaml, the newest commit whose recipe records
  promotedFrom.tag == TAG, and re-renders ENV from that recipe (from its promotedFrom commit's sources).
${PUBLISH_USAGE}`,
  async run(argv, io) {
    const root = topLevel(io.cwd);
    const p = parse('rollback', normalisePushArg(argv, root), { to: { type: 'string' }, commit: { type: 'boolean' }, push: { type: 'string' }, json: { type: 'boolean' } }, 1);
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const env = p.positionals[0];
    const tag = str(p, 'to');
    if (!env || !tag) throw new UsageError('rollback: ENV and --to TAG are required', this.usage.split('\n')[0]);
    const { result, commits } = await publish({ root, action: 'rollback', commit: flag(p, 'commit'), push: str(p, 'push'), log: io.err }, async () => {
      const plan = await planRollback({ root, environment: env, tag });
      const files = await writeRelease(root, plan);
      return { plan, files, changes: [changeOf(plan)] };
    });
    const moves = movedBetween(result.plan.previous, result.plan.recipe);
    if (flag(p, 'json')) io.out(JSON.stringify({ environment: env, tag, promotedFrom: result.plan.recipe.promotedFrom, moved: moves, filesChanged: result.files.length, commits }, null, 2));
    else io.out([`${env}: rolled back to ${tag}, ${moves.length} moved`, ...moves.map((m) => `  ${describeMove(m)}`)].join('\n'));
    io.err(`eleventh: ${result.files.length} file(s) changed${commits.length > 0 ? `, committed ${commits.map((c) => c.slice(0, 12)).join(', ')}` : ''}`);
    return 0;
  },
};
