import { UsageError } from '../../errors';
import { topLevel } from '../../git/run';
import { describeMove, movedBetween } from '../../release/moved';
import { addonMovesBetween, describeAddonMove } from '../../release/addon-moves';
import { planPromotion } from '../../release/promote';
import { changeOf, writeRelease } from '../../release/release-plan';
import { normalisePushArg, publish } from '../../release/publish';
import { flag, parse, str } from '../args';
import type { Command } from '../command';

export const PUBLISH_USAGE = `  --commit         commit the change (one commit per environment; the message names the moves and the tag)
  --push [remote]  commit and push (default remote: origin); on rejection fetch, rebase, re-compute and retry
                   with jittered backoff for up to ELEVENTH_PUSH_TIMEOUT seconds (default 600); when that runs
                   out nothing is pushed and the exit code is 75 (temporary: run again)`;

export const promoteCommand: Command = {
  name: 'promote',
  summary: "Render a promoted environment from a tag's sources with its source environment's pins there",
  usage: `eleventh promote --to ENV (--tag T | --from) [--break-glass "reason"] [--commit] [--push [remote]] [--json]

  --tag T   ENV becomes exactly what its source ran at T: the source's recipe there (verified: full SHAs in
            T's history, digests matching the committed files), rendered from the manifest sources that
            recipe was rendered from (T for a source that follows main, the source's own promotedFrom.sources
            for a promoted one), plus ENV's own hand-written files as of T. T must match promotion.tags and be
            reachable from promotion.branch (default main); with promotion.signed, T's signature must pass
            \`git verify-tag\`. Records promotedFrom {environment, commit, sources, tag, tagger, signer}.
  --from    the same from HEAD (which must be on the release branch), without a tag
  --break-glass "reason"  pass promotion.soak and promotion.freeze; the reason is recorded in the commit
  Mirrors of ENV (promotion.mirrorOf) are rendered and committed with it.
${PUBLISH_USAGE}`,
  async run(argv, io) {
    const root = topLevel(io.cwd);
    const p = parse('promote', normalisePushArg(argv, root), {
      to: { type: 'string' },
      tag: { type: 'string' },
      from: { type: 'boolean' },
      commit: { type: 'boolean' },
      push: { type: 'string' },
      json: { type: 'boolean' },
      'break-glass': { type: 'string' },
    });
    if (flag(p, 'help')) return io.out(this.usage), 0;
    const to = str(p, 'to');
    const tag = str(p, 'tag');
    if (!to) throw new UsageError('promote: --to ENV is required', this.usage.split('\n')[0]);
    if (!tag === !flag(p, 'from')) throw new UsageError('promote: give exactly one of --tag T or --from', this.usage.split('\n')[0]);
    const { result, commits } = await publish({ root, action: 'promote', commit: flag(p, 'commit'), push: str(p, 'push'), log: io.err }, async () => {
      const breakGlass = str(p, 'break-glass');
      if (breakGlass !== undefined && breakGlass.trim() === '') throw new UsageError('promote: --break-glass needs a reason', '--break-glass "incident INC-123: hotfix for payments"');
      const plan = await planPromotion({ root, to, tag, breakGlass });
      const files = await writeRelease(root, plan);
      return { plan, files, changes: [changeOf(plan)] };
    });
    const moves = movedBetween(result.plan.previous, result.plan.recipe);
    const addons = addonMovesBetween(result.plan.previous, result.plan.recipe);
    const pf = result.plan.recipe.promotedFrom!;
    if (flag(p, 'json')) io.out(JSON.stringify({ environment: to, promotedFrom: pf, moved: moves, addons, filesChanged: result.files.length, commits }, null, 2));
    else io.out([`${to}: promoted from ${pf.environment} at ${pf.commit.slice(0, 12)}${pf.tag ? ` (${pf.tag})` : ''}, ${moves.length} moved`, ...moves.map((m) => `  ${describeMove(m)}`), ...addons.map((m) => `  add-on ${describeAddonMove(m)}`)].join('\n'));
    io.err(`eleventh: ${result.files.length} file(s) changed${commits.length > 0 ? `, committed ${commits.map((c) => c.slice(0, 12)).join(', ')}` : ''}`);
    return 0;
  },
};
