/**
 * `promote --to ENV --tag T`: ENV becomes exactly what its source ran at T — the source's recipe there, and
 * the manifest sources that recipe was rendered from (T itself for a source that follows main, the source's
 * own `promotedFrom.sources` for a promoted one) — plus only ENV's own hand-written files as of T. `--from`:
 * the same from HEAD, without a tag. Every check (tag, branch, signature, gates, source recipe) runs before
 * anything is rendered or written; mirrors of ENV are rendered in the same plan.
 */
import { ConfigError } from '../errors';
import type { ConfigSet } from '../config/load';
import { sourcesOf, type PromotedFrom, type Recipe } from '../model';
import { recipePath } from '../recipe/recipe';
import { ReleaseRefusedError } from './errors';
import { gateRefusals } from './gates';
import { recipeAt, showFile } from './git-read';
import { revParse } from '../git/run';
import { loadReleaseConfig, promotionOf, renderRelease, type ReleasePlan } from './release-plan';
import { checkTagSignature } from './signature';
import { checkSourceRecipe } from './source-check';
import { headOnBranch, releaseBranchRef, taggerOf, tagCommit } from './tag-check';
import { TRAILER } from './trailers';
import { copyReleaseImages } from './images';
import type { RegistryOptions } from '../images/registry/client';

export interface PromoteOptions {
  readonly root: string;
  readonly to: string;
  /** Promote this tag's commit; absent: the source's recipe at HEAD. */
  readonly tag?: string;
  /** Pass the soak and freeze gates; recorded in the commit. */
  readonly breakGlass?: string;
  /** Epoch ms for the gates. @default Date.now() */
  readonly now?: number;
  /** How the registries are spoken to when images must be copied (another registry than the source's). */
  readonly registries?: RegistryOptions;
  /** Progress lines (each image copied). */
  readonly log?: (line: string) => void;
}

function sourceRecipe(root: string, commit: string, from: string, action: string): Recipe {
  const where = `${commit.slice(0, 12)}:${recipePath(from)}`;
  let recipe: Recipe | undefined;
  try {
    recipe = recipeAt(root, commit, from);
  } catch (err) {
    if (err instanceof ConfigError) throw new ReleaseRefusedError(action, [err.message]);
    throw err;
  }
  if (!recipe) throw new ReleaseRefusedError(action, [`${where}: ${from} has no recipe at ${commit.slice(0, 12)} (expected \`eleventh recipe --commit\` to have run there)`]);
  const findings = checkSourceRecipe(root, commit, recipe, where);
  if (findings.length > 0) throw new ReleaseRefusedError(action, findings);
  return recipe;
}

/** The manifest sources the source's release at `commit` was rendered from. */
export function sourcesBehind(source: Recipe, commit: string): string {
  return source.promotedFrom ? sourcesOf(source.promotedFrom) : commit;
}

function signerOf(root: string, to: string, tag: string | undefined, action: string): string | undefined {
  if (!tag) throw new ReleaseRefusedError(action, [`environments/${to}/environment.yaml: promotion.signed is true: ${to} is promoted only by a signed tag (expected --tag T, signed with \`git tag -s\`)`]);
  const check = checkTagSignature(root, tag);
  if (!check.ok) throw new ReleaseRefusedError(action, [check.why]);
  return check.signer;
}

export async function planPromotion(opts: PromoteOptions): Promise<ReleasePlan> {
  const { root, to, tag } = opts;
  const config = loadReleaseConfig(root);
  const promotion = promotionOf(config, to);
  const commit = tag ? tagCommit(root, to, tag, promotion) : headOnBranch(root, to, promotion);
  const action = `promote ${to} ${tag ? `to ${tag}` : `from ${promotion.from} at ${commit.slice(0, 12)}`}`;
  const signer = promotion.signed ? signerOf(root, to, tag, action) : undefined;
  const gates = gateRefusals({ root, env: to, promotion, commit, branchRef: releaseBranchRef(root, to, promotion.branch), now: opts.now });
  if (gates.length > 0 && !opts.breakGlass) throw new ReleaseRefusedError(action, gates);
  const source = sourceRecipe(root, commit, promotion.from, action);
  const tagger = tag ? taggerOf(root, tag) : undefined;
  const promotedFrom: PromotedFrom = {
    environment: promotion.from,
    commit,
    sources: sourcesBehind(source, commit),
    ...(tag ? { tag } : {}),
    ...(tagger ? { tagger } : {}),
    ...(signer ? { signer } : {}),
  };
  const services = Object.fromEntries(Object.entries(source.services).map(([n, e]) => [n, { ...e }]));
  const trailers = [...(signer ? [`${TRAILER.signer}: ${signer}`] : []), ...(opts.breakGlass ? [`${TRAILER.breakGlass}: ${oneLine(opts.breakGlass)}`] : [])];
  const plan = await renderRelease(root, { environment: to, promotedFrom, services });
  const mirrors = await planMirrors(root, config, plan);
  // Images follow the pins into another registry by digest (or the promotion is refused) before anything is written.
  await copyReleaseImages(action, source, [plan.recipe, ...mirrors.map((m) => m.recipe)], opts.registries, opts.log);
  return { ...plan, trailers, mirrors };
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every environment that mirrors `plan`'s: the same record and services, rendered with its own differences. */
export async function planMirrors(root: string, config: ConfigSet, plan: ReleasePlan): Promise<ReleasePlan[]> {
  const mirrors = config.environments.filter((e) => config.environment(e).promotion?.mirrorOf === plan.environment);
  const out: ReleasePlan[] = [];
  for (const env of mirrors) {
    const pf = plan.recipe.promotedFrom!;
    const own = recipeAtOrHead(root, pf.commit, env);
    const services = Object.fromEntries(Object.entries(plan.recipe.services).map(([n, e]) => [n, { ...e }]));
    out.push(await renderRelease(root, { environment: env, promotedFrom: { ...pf, commit: own, sources: sourcesOf(pf), mirrorOf: plan.environment }, services }, plan.recipe));
  }
  return out;
}

/** A mirror's own files are read at the promoted commit when it existed there, else at HEAD (it was added later). */
function recipeAtOrHead(root: string, commit: string, env: string): string {
  return showFile(root, commit, `environments/${env}/environment.yaml`) !== undefined ? commit : revParse('HEAD', root);
}
