import { planRun } from '../../engine/plan';
import { writePlanFor, changedPaths, apply } from '../../engine/apply';
import { topLevel } from '../../git/run';
import { flag, list, parse } from '../args';
import type { Command } from '../command';

export const renderCommand: Command = {
  name: 'render',
  summary: 'Re-render environments (those following main from HEAD, promoted ones from their promotedFrom commit)',
  usage: `eleventh render [--env E[,E…]] [--check] [--allow-dirty]

  Renders every service of every environment in full and rewrites the recipes.
  --check        write nothing; exit 1 listing every file that would change
  --env E        only these environments (repeatable or comma-separated)
  --allow-dirty  accept uncommitted changes to image inputs (pins stay at HEAD)`,
  async run(argv, io) {
    const p = parse('render', argv, { env: { type: 'string', multiple: true }, check: { type: 'boolean' }, 'allow-dirty': { type: 'boolean' } });
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const root = topLevel(io.cwd);
    const plan = await planRun({ root, mode: 'render', envs: list(p, 'env'), allowDirty: flag(p, 'allow-dirty') });
    const wp = writePlanFor(root, plan);
    const changes = changedPaths(wp);
    if (flag(p, 'check')) {
      for (const line of changes) io.out(line);
      if (changes.length > 0) io.err(`eleventh: ${changes.length} file(s) would change; run \`eleventh render\``);
      return changes.length > 0 ? 1 : 0;
    }
    await apply(root, wp);
    io.err(`eleventh: rendered ${plan.outcomes.map((o) => o.environment).join(', ')}: ${changes.length} file(s) changed`);
    return 0;
  },
};
