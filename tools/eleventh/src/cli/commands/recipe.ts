import { planRun } from '../../engine/plan';
import { writePlanFor, changedPaths, apply } from '../../engine/apply';
import { topLevel } from '../../git/run';
import { refuseOnPolicyFindings } from '../../policy/refuse';
import { resolveRevision } from '../../git/revision';
import { publish } from '../../release/publish';
import { defineCommand } from '../declare';
import { ENVS_OPTION, JSON_OPTION } from '../options';
import { logChanged, printJson } from '../output';
import { PUBLISH_OPTIONS } from './publish-options';
import { summarise, summaryText } from './recipe-summary';
import { registryLookup } from '../../images/lookup';
import { Registries } from '../../images/registries';
import { refuseMissingImages } from '../../images/require';
import { recipePath } from '../../recipe/recipe';
import { REGISTRY_OPTIONS, registryOptions } from './registry-options';
import { imageNote, imagesJson } from './recipe-images';

export const recipeCommand = defineCommand({
  name: 'recipe',
  summary: 'Update pins and recipes of the environments that follow main, re-rendering only the services whose image or manifest inputs changed; a promoted environment without a recipe is seeded from its source',
  description: `Computes each service's pin (the newest commit that changed its image inputs), re-renders the services
whose image or manifest inputs changed, and writes environments/<env>/recipe.yaml for every environment that
follows main. A promoted environment with no recipe yet is seeded from its source; otherwise promoted
environments change only by promote or rollback (a promoted --env is refused).
Any environment policy finding (rules policy/*) refuses the run: exit 1, nothing written.
Prints, per environment: its services and pins, what moved, whether it was seeded or already up to date.
Image digests: a recorded imageDigest/sbomDigest stays while the pin and image stay; no registry is asked
unless --images (record the digests of the images that are pushed; the others stay without) or
--require-images (the same, and any pinned image its registry lacks is a finding: exit 1, nothing written).
Workloads then reference <registry>/<service>:<pin>@<imageDigest>.`,
  options: {
    env: ENVS_OPTION,
    base: { type: 'string', value: 'A', description: 'narrow the history search to A..B (with --head)' },
    head: { type: 'string', value: 'B', description: 'the revision to compute pins at (default HEAD)' },
    'allow-dirty': { type: 'boolean', description: 'accept uncommitted changes to image inputs (pins stay at HEAD)' },
    images: { type: 'boolean', description: "read from the registries the digests of pushed images (and their SBOMs) the recipes do not record yet, and record them" },
    'require-images': { type: 'boolean', description: 'like --images, and refuse (exit 1, nothing written) while a pinned image is not in its registry' },
    ...REGISTRY_OPTIONS,
    json: JSON_OPTION,
    ...PUBLISH_OPTIONS,
  },
  examples: ['eleventh recipe', 'eleventh recipe --commit --push', 'eleventh recipe --require-images --commit --push'],
  async run({ options }, io) {
    const root = topLevel(io.cwd);
    // Checked before anything runs: an unknown revision is bad input (exit 2), not a silently unused option.
    for (const option of ['base', 'head'] as const) {
      const rev = options[option];
      if (rev !== undefined) resolveRevision(root, `--${option}`, rev);
    }
    const asked = options.images || options['require-images'];
    const imageLookup = asked ? registryLookup(new Registries(registryOptions(options['insecure-registry']))) : undefined;
    const { result, commits } = await publish({ root, action: 'recipe', commit: options.commit, push: options.push, log: io.err }, async () => {
      const plan = await planRun({ root, mode: 'recipe', envs: options.env, allowDirty: options['allow-dirty'], base: options.base, head: options.head, imageLookup, prepareWrite: true });
      refuseOnPolicyFindings(plan);
      if (options['require-images']) refuseMissingImages(plan.images, (env) => plan.files.get(recipePath(env)));
      const wp = writePlanFor(root, plan);
      const changes = changedPaths(wp);
      await apply(root, wp);
      return { plan, changes: plan.outcomes, files: changes };
    });
    const { plan, files: changes } = result;
    const summary = summarise(plan.outcomes, changes);
    if (options.json) printJson(io, { environments: summary, filesChanged: changes.length, ...(plan.images ? { images: imagesJson(plan.images) } : {}) });
    else io.out(summaryText(plan.config, summary, options.env === undefined, plan.previous).join('\n'));
    if (plan.images) io.err(imageNote(plan.images));
    logChanged(io, changes.length, commits);
    return 0;
  },
});
