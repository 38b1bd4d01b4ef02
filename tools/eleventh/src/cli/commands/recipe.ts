import { planRun } from '../../engine/plan';
import { describeMove, movedBetween } from '../../release/moved';
import { addonMovesBetween, describeAddonMove } from '../../release/addon-moves';
import { writePlanFor, changedPaths, apply } from '../../engine/apply';
import { topLevel } from '../../git/run';
import { flag, list, parse, str } from '../args';
import type { Command } from '../command';
import { normalisePushArg, publish } from '../../release/publish';
import { PUBLISH_USAGE } from './promote';

export const recipeCommand: Command = {
  name: 'recipe',
  summary: 'Update pins and recipes of the environments that follow main, re-rendering only what changed',
  usage: `eleventh recipe [--env E] [--base A --head B] [--allow-dirty] [--json] [--commit] [--push [remote]]

  Computes each service's pin (newest commit that changed its image inputs), re-renders the services whose
  image or manifest inputs changed, and writes environments/<env>/recipe.yaml for every environment that
  follows main. A promoted environment with no recipe yet is seeded from its source.
  --base/--head  narrow the history search to base..head
  --json         print the outcome as JSON on stdout
${PUBLISH_USAGE}`,
  async run(rawArgv, io) {
    const root = topLevel(io.cwd);
    const argv = normalisePushArg(rawArgv, root);
    const p = parse('recipe', argv, {
      env: { type: 'string', multiple: true },
      base: { type: 'string' },
      head: { type: 'string' },
      json: { type: 'boolean' },
      'allow-dirty': { type: 'boolean' },
      commit: { type: 'boolean' },
      push: { type: 'string' },
    });
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const { result, commits } = await publish({ root, action: 'recipe', commit: flag(p, 'commit'), push: str(p, 'push'), log: io.err }, async () => {
      const plan = await planRun({ root, mode: 'recipe', envs: list(p, 'env'), allowDirty: flag(p, 'allow-dirty'), base: str(p, 'base'), head: str(p, 'head') });
      const wp = writePlanFor(root, plan);
      const changes = changedPaths(wp);
      await apply(root, wp);
      return { plan, changes: plan.outcomes, files: changes };
    });
    const { plan, files: changes } = result;
    const summary = plan.outcomes.map((o) => ({ environment: o.environment, seeded: o.seeded, rendered: [...o.rendered].sort(), moved: movedBetween(o.previous, o.recipe), addons: addonMovesBetween(o.previous, o.recipe) }));
    if (flag(p, 'json')) io.out(JSON.stringify({ environments: summary, filesChanged: changes.length }, null, 2));
    else for (const s of summary) io.out(`${s.environment}: ${s.rendered.length} rendered, ${s.moved.length} moved${s.seeded ? ' (seeded)' : ''}${s.moved.map((m) => `\n  ${describeMove(m)}`).join('')}${s.addons.map((m) => `\n  add-on ${describeAddonMove(m)}`).join('')}`);
    io.err(`eleventh: ${changes.length} file(s) changed${commits.length > 0 ? `, committed ${commits.map((c) => c.slice(0, 12)).join(', ')}` : ''}`);
    return 0;
  },
};
