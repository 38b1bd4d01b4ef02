import { planRun } from '../../engine/plan';
import { writePlanFor, changedPaths, apply } from '../../engine/apply';
import { finding, type Finding } from '../../findings';
import { topLevel } from '../../git/run';
import { refuseOnPolicyFindings } from '../../policy/refuse';
import { STALE_RULE } from '../../release/verify/render-rules';
import type { WritePlan } from '../../write';
import { defineCommand } from '../declare';
import { ENVS_OPTION, JSON_OPTION } from '../options';
import { printJson, reportFindings } from '../output';

/** `render --check`: each file that would change is a finding. */
export function staleFindings(wp: WritePlan): Finding[] {
  return [
    ...wp.update.map((f) => finding(f, STALE_RULE, 'differs from what eleventh renders (would be rewritten)')),
    ...wp.create.map((f) => finding(f, STALE_RULE, 'missing (would be created)')),
    ...wp.remove.map((f) => finding(f, STALE_RULE, 'generated file that eleventh no longer renders (would be removed)')),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

export const renderCommand = defineCommand({
  name: 'render',
  summary: 'Re-render environments in full (those following main from HEAD, promoted ones from their promotedFrom commit); --check writes nothing and exits 1 listing what would change',
  description: `Renders every service of every environment and rewrites the recipes; unchanged files are not touched.
With --check nothing is written: each file that would change is a finding (rule render/stale).
Any environment policy finding (rules policy/*, see eleventh policy) refuses the render: exit 1, nothing written.`,
  options: {
    env: ENVS_OPTION,
    check: { type: 'boolean', description: 'write nothing; list each file that would change (`file: … [render/stale]`) and exit 1 if there is one' },
    'allow-dirty': { type: 'boolean', description: 'accept uncommitted changes to image inputs (pins stay at HEAD)' },
    json: JSON_OPTION,
  },
  examples: ['eleventh render --check', 'eleventh render --env staging,ops-staging'],
  async run({ options }, io) {
    const root = topLevel(io.cwd);
    const plan = await planRun({ root, mode: 'render', envs: options.env, allowDirty: options['allow-dirty'], prepareWrite: true });
    refuseOnPolicyFindings(plan);
    const wp = writePlanFor(root, plan);
    if (options.check) {
      const findings = staleFindings(wp);
      const code = reportFindings(io, 'render --check', findings, options.json);
      if (findings.length > 0) io.err('eleventh: run `eleventh render` to rewrite them');
      return code;
    }
    const changes = changedPaths(wp);
    await apply(root, wp);
    const environments = plan.outcomes.map((o) => o.environment);
    if (options.json) printJson(io, { environments, filesChanged: changes.length, files: changes });
    io.err(`eleventh: rendered ${environments.join(', ')}: ${changes.length} file(s) changed`);
    return 0;
  },
});
