import { topLevel } from '../../git/run';
import { describeMove, movedBetween } from '../../release/moved';
import { addonMovesBetween, describeAddonMove } from '../../release/addon-moves';
import { planPromotion } from '../../release/promote';
import { changeOf, writeRelease } from '../../release/release-plan';
import { publish } from '../../release/publish';
import { UsageError } from '../../errors';
import { defineCommand } from '../declare';
import { JSON_OPTION } from '../options';
import { logChanged, printJson } from '../output';
import { PUBLISH_OPTIONS } from './publish-options';
import { REGISTRY_OPTIONS, registryOptions } from './registry-options';

export const promoteCommand = defineCommand({
  name: 'promote',
  summary: "Render a promoted environment as exactly what its source ran at a tag (its pins and manifest sources) plus its own files as of the tag; the tag must be on the release branch (and signed, with promotion.signed); soak and freeze gates; mirrors follow in the same commit; records promotedFrom",
  description: `--tag T: ENV becomes exactly what its source ran at T: the source's recipe there (verified: full SHAs in
T's history, digests matching the committed files), rendered from the manifest sources that recipe was
rendered from (T for a source that follows main, the source's own promotedFrom.sources for a promoted one),
plus ENV's own hand-written files as of T. T must match promotion.tags and be reachable from
promotion.branch (default main); with promotion.signed, T's signature must pass \`git verify-tag\`.
Records promotedFrom {environment, commit, sources, tag, tagger, signer}. Soak and freeze gates apply.
--from: the same from HEAD (which must be on the release branch), without a tag.
Mirrors of ENV (promotion.mirrorOf) are rendered and committed with it.
The recorded imageDigest and sbomDigest travel with the pins. When ENV (or a mirror) pulls from another
registry than its source, each image is copied there by digest (manifests, blobs, index manifests; blobs
mounted across repositories on the same registry) with its SBOM, before anything is written; a service
whose source entry records no imageDigest, or whose image cannot be read, refuses the promotion (exit 2).`,
  options: {
    to: { type: 'string', value: 'ENV', required: true, description: 'the promoted environment to render' },
    tag: { type: 'string', value: 'T', description: 'the tag whose sources and source pins ENV gets' },
    from: { type: 'boolean', description: 'promote from HEAD, without a tag' },
    'break-glass': { type: 'string', value: 'reason', description: 'pass promotion.soak and promotion.freeze; the reason is recorded in the commit' },
    ...REGISTRY_OPTIONS,
    json: JSON_OPTION,
    ...PUBLISH_OPTIONS,
  },
  exactlyOne: [['tag', 'from']],
  examples: ['git tag preprod-v3 && eleventh promote --to preprod --tag preprod-v3 --commit', 'eleventh promote --to prod --tag prod-v7 --break-glass "INC-123: payments hotfix" --commit'],
  async run({ options }, io) {
    const root = topLevel(io.cwd);
    const { to, tag } = options;
    const breakGlass = options['break-glass'];
    if (breakGlass !== undefined && breakGlass.trim() === '') throw new UsageError('promote: --break-glass needs a reason', '--break-glass "incident INC-123: hotfix for payments"');
    const { result, commits } = await publish({ root, action: 'promote', commit: options.commit, push: options.push, log: io.err }, async () => {
      const plan = await planPromotion({ root, to, tag, breakGlass, registries: registryOptions(options['insecure-registry']), log: io.err });
      const files = await writeRelease(root, plan);
      return { plan, files, changes: [changeOf(plan)] };
    });
    const moves = movedBetween(result.plan.previous, result.plan.recipe);
    const addons = addonMovesBetween(result.plan.previous, result.plan.recipe);
    const pf = result.plan.recipe.promotedFrom!;
    if (options.json) printJson(io, { environment: to, promotedFrom: pf, moved: moves, addons, filesChanged: result.files.length, commits });
    else io.out([`${to}: promoted from ${pf.environment} at ${pf.commit.slice(0, 12)}${pf.tag ? ` (${pf.tag})` : ''}, ${moves.length} moved`, ...moves.map((m) => `  ${describeMove(m)}`), ...addons.map((m) => `  add-on ${describeAddonMove(m)}`)].join('\n'));
    logChanged(io, result.files.length, commits);
    return 0;
  },
});
