/**
 * A promoted environment re-derived from its record alone: the promoted commit and its sources exist and
 * are on the release branch, the tag still points where the record says (and is still signed by the
 * recorded signer when promotion.signed), and the services equal the source's recipe at the promoted commit
 * (a mirror: the mirrored environment's recipe). The rendered files are re-derived by verify's fresh render,
 * which renders promoted environments from these same records.
 */
import type { ConfigSet } from '../../config/load';
import { finding, type Finding } from '../../findings';
import { git, gitText } from '../../git/run';
import { sourcesOf, type PromotedFrom, type Recipe } from '../../model';
import { recipePath } from '../../recipe/recipe';
import { commitExists, recipeAt } from '../git-read';
import { sourcesBehind } from '../promote';
import { checkTagSignature } from '../signature';
import { findBranchRef, onBranch } from '../tag-check';
import { matchesTag } from '../tags';

export interface PromotionContext {
  readonly root: string;
  readonly config: ConfigSet;
  readonly recipe: Recipe;
  /** Every environment's recipe as it is on disk (for mirrors). */
  readonly recipes: ReadonlyMap<string, Recipe>;
}

function commitFindings(ctx: PromotionContext, pf: PromotedFrom, branch: string): Finding[] {
  const file = recipePath(ctx.recipe.environment);
  const ref = findBranchRef(ctx.root, branch);
  const out: Finding[] = [];
  if (!ref) out.push(finding(`environments/${ctx.recipe.environment}/environment.yaml`, 'promotion/branch', `promotion.branch '${branch}' does not exist in this repository (expected a local or remote-tracking branch)`));
  for (const [key, sha] of [['commit', pf.commit], ['sources', pf.sources]] as const) {
    if (!sha) continue;
    if (!commitExists(ctx.root, sha)) out.push(finding(file, 'promotion/commit', `promotedFrom.${key} ${sha} is not a commit in this repository (expected the commit the promotion was made from)`));
    else if (ref && !onBranch(ctx.root, sha, ref)) out.push(finding(file, 'promotion/commit', `promotedFrom.${key} ${sha.slice(0, 12)} is not on the release branch '${branch}' (expected a commit reachable from ${branch})`));
  }
  return out;
}

function tagFindings(ctx: PromotionContext, pf: PromotedFrom, tags: string | undefined, signed: boolean): Finding[] {
  const file = recipePath(ctx.recipe.environment);
  if (!pf.tag) return signed && !pf.mirrorOf ? [finding(file, 'promotion/signature', `promotion.signed is true but the record has no tag (expected a promotion by a signed tag)`)] : [];
  const out: Finding[] = [];
  if (tags && !pf.mirrorOf && !matchesTag(tags, pf.tag)) out.push(finding(file, 'promotion/tag', `promotedFrom.tag '${pf.tag}' does not match promotion.tags '${tags}'`));
  const res = git(['rev-parse', '--verify', '--quiet', `refs/tags/${pf.tag}^{commit}`], { cwd: ctx.root, okCodes: [0, 1, 128] });
  if (res.status !== 0) return [...out, finding(file, 'promotion/tag', `tag '${pf.tag}' no longer exists (expected it to point to ${pf.commit.slice(0, 12)}; git fetch --tags)`)];
  const points = res.stdout.trim();
  if (!pf.mirrorOf && points !== pf.commit) out.push(finding(file, 'promotion/tag', `tag '${pf.tag}' now points to ${points.slice(0, 12)}, but the record says ${pf.commit.slice(0, 12)} (expected tags never to move)`));
  if (signed) {
    const check = checkTagSignature(ctx.root, pf.tag);
    if (!check.ok) out.push(finding(file, 'promotion/signature', check.why));
    else if (pf.signer !== check.signer) out.push(finding(file, 'promotion/signature', `promotedFrom.signer '${pf.signer ?? ''}' is not the tag's signer '${check.signer}'`));
  }
  return out;
}

/** The recipe the record's services must equal: the source's at the promoted commit (a seed: where it was written). */
function expectedSource(ctx: PromotionContext, pf: PromotedFrom): { recipe?: Recipe; where: string } {
  const at = recipeAt(ctx.root, pf.commit, pf.environment);
  if (at || pf.tag) return { recipe: at, where: `${pf.commit.slice(0, 12)}:${recipePath(pf.environment)}` };
  // A seed is written in the same commit as its source's first recipe: read the source where this record was written.
  const file = recipePath(ctx.recipe.environment);
  const dirty = git(['diff', '--quiet', 'HEAD', '--', file], { cwd: ctx.root, okCodes: [0, 1, 128] }).status !== 0;
  const wrote = dirty ? undefined : gitText(['log', '-1', '--format=%H', '--', file], { cwd: ctx.root });
  if (!wrote) return { recipe: ctx.recipes.get(pf.environment), where: recipePath(pf.environment) };
  return { recipe: recipeAt(ctx.root, wrote, pf.environment), where: `${wrote.slice(0, 12)}:${recipePath(pf.environment)}` };
}

function serviceFindings(ctx: PromotionContext, expected: Recipe | undefined, where: string, what: string): Finding[] {
  const file = recipePath(ctx.recipe.environment);
  if (!expected) return [finding(file, 'promotion/services', `${what} has no recipe at ${where} (expected the record to name a commit where it had one)`)];
  const names = [...new Set([...Object.keys(expected.services), ...Object.keys(ctx.recipe.services)])].sort();
  return names.flatMap((n) => {
    const want = expected.services[n];
    const have = ctx.recipe.services[n];
    if (!want) return [finding(file, 'promotion/services', `${n} is not in ${what}'s recipe at ${where} (expected exactly the services ${what} ran)`)];
    if (!have) return [finding(file, 'promotion/services', `${n} is missing: ${what}'s recipe at ${where} has it at ${want.commit.slice(0, 12)}`)];
    if (want.commit !== have.commit) return [finding(file, 'promotion/services', `${n}: pin ${have.commit} is not what ${what} ran at ${where} (expected ${want.commit})`)];
    if (want.namespace !== have.namespace || want.inputs !== have.inputs) return [finding(file, 'promotion/services', `${n}: namespace or inputs differ from ${what}'s recipe at ${where}`)];
    // The image digests travel with the pins: a promoted digest is the source's, or the record was edited.
    if (want.imageDigest !== have.imageDigest || want.sbomDigest !== have.sbomDigest) return [finding(file, 'promotion/services', `${n}: imageDigest or sbomDigest differ from ${what}'s recipe at ${where} (expected the digests promotion copied with the pin)`)];
    return [];
  });
}

/** Every finding for one promoted (or mirror) environment's record. */
export function promotionFindings(ctx: PromotionContext): Finding[] {
  const env = ctx.recipe.environment;
  const file = recipePath(env);
  const promotion = ctx.config.environment(env).promotion;
  const pf = ctx.recipe.promotedFrom;
  if (!promotion) return [];
  if (!pf) return [finding(file, 'promotion/record', `${env} is promoted but its recipe has no promotedFrom (expected \`eleventh promote --to ${env}\`)`)];
  if (promotion.mirrorOf) return mirrorFindings(ctx, pf, promotion.mirrorOf);
  const out = [...commitFindings(ctx, pf, promotion.branch), ...tagFindings(ctx, pf, promotion.tags, promotion.signed)];
  if (pf.environment !== promotion.from) out.push(finding(file, 'promotion/record', `promotedFrom.environment '${pf.environment}' is not promotion.from '${promotion.from}'`));
  if (!commitExists(ctx.root, pf.commit)) return out;
  const { recipe: source, where } = expectedSource(ctx, pf);
  out.push(...serviceFindings(ctx, source, where, pf.environment));
  if (source && pf.sources && sourcesOf(pf) !== sourcesBehind(source, pf.commit)) {
    out.push(finding(file, 'promotion/sources', `promotedFrom.sources ${sourcesOf(pf).slice(0, 12)} is not what ${pf.environment} was rendered from (expected ${sourcesBehind(source, pf.commit)})`));
  }
  return out;
}

function mirrorFindings(ctx: PromotionContext, pf: PromotedFrom, of: string): Finding[] {
  const file = recipePath(ctx.recipe.environment);
  const mirrored = ctx.recipes.get(of);
  if (!mirrored?.promotedFrom) return [finding(file, 'promotion/mirror', `mirrors ${of}, which has no promoted recipe (expected \`eleventh promote --to ${of}\`)`)];
  const out: Finding[] = [];
  if (pf.mirrorOf !== of) out.push(finding(file, 'promotion/mirror', `promotedFrom.mirrorOf '${pf.mirrorOf ?? ''}' is not promotion.mirrorOf '${of}'`));
  const mpf = mirrored.promotedFrom;
  for (const key of ['environment', 'sources', 'tag', 'tagger', 'signer'] as const) {
    const want = key === 'sources' ? sourcesOf(mpf) : mpf[key];
    const have = key === 'sources' ? sourcesOf(pf) : pf[key];
    if (want !== have) out.push(finding(file, 'promotion/mirror', `promotedFrom.${key} '${have ?? ''}' differs from ${of}'s '${want ?? ''}' (expected a mirror to carry ${of}'s release exactly)`));
  }
  if (!commitExists(ctx.root, pf.commit)) out.push(finding(file, 'promotion/mirror', `promotedFrom.commit ${pf.commit} is not a commit in this repository`));
  out.push(...serviceFindings(ctx, mirrored, recipePath(of), of));
  return out;
}
