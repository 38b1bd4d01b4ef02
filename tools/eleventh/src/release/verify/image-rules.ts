/**
 * `verify --images`: every pinned image of every environment checked against its registry — the pin's tag
 * exists, its digest is the recipe's imageDigest (a digest recorded by hand, or a tag pushed again, differs),
 * and its SBOM is there, recorded, about that image, and lists the pin's locked inputs. Each finding names
 * the recipe file and the line of the service's entry. An unreachable registry is one finding per recipe.
 */
import { finding, type Finding } from '../../findings';
import { mapLimit } from '../../images/limit';
import type { RegistryReads } from '../../images/registry/cached-reads';
import { RegistryError } from '../../images/registry/errors';
import { ImageRefError, parseImageRef } from '../../images/registry/reference';
import { sbomProblems, type SbomExpectation } from '../../images/sbom/check';
import { findSbom, readSbom } from '../../images/sbom/find';
import type { Recipe, RecipeEntry } from '../../model';
import { recipePath } from '../../recipe/recipe';

export const IMAGE_RULE = {
  missing: 'images/missing',
  unrecorded: 'images/digest-unrecorded',
  mismatch: 'images/digest-mismatch',
  sbomMissing: 'images/sbom-missing',
  sbomUnrecorded: 'images/sbom-unrecorded',
  sbomMismatch: 'images/sbom-digest-mismatch',
  sbomSubject: 'images/sbom-subject',
  sbomComponents: 'images/sbom-components',
  unreachable: 'images/unreachable',
  reference: 'images/reference',
} as const;

export interface ImageCheckContext {
  /** The run's reads of `host`, each question asked once (images/registry/cached-reads.ts). */
  readonly reads: (host: string) => RegistryReads;
  /** service → line of its entry, per recipe file. */
  readonly lines: (env: string) => ReadonlyMap<string, number>;
  /** What the SBOM of `service` at `pin` must list. */
  readonly expectation: (service: string, entry: RecipeEntry) => SbomExpectation;
}

type At = (rule: string, message: string) => Finding;

async function sbomFindings(ctx: ImageCheckContext, name: string, e: RecipeEntry, repository: string, host: string, image: string, at: At): Promise<Finding[]> {
  const client = ctx.reads(host);
  const found = await findSbom(client, repository, e.commit, image);
  if (!e.sbomDigest && !found) return [at(IMAGE_RULE.sbomMissing, `${name}: no SBOM of ${e.image} in its registry (expected one pushed beside the image: referrers of ${image.slice(0, 19)}… or the tag ${e.commit}.sbom)`)];
  const out: Finding[] = [];
  if (!e.sbomDigest) out.push(at(IMAGE_RULE.sbomUnrecorded, `${name}: the recipe records no sbomDigest; the registry has ${found} (expected \`eleventh recipe --images\` to record it)`));
  else if (found && found !== e.sbomDigest) out.push(at(IMAGE_RULE.sbomMismatch, `${name}: the SBOM of ${e.image} in its registry is ${found}, but the recipe records ${e.sbomDigest} (expected the recorded SBOM)`));
  const digest = e.sbomDigest ?? found!;
  const stored = await readSbom(client, repository, digest);
  if (!stored) return [...out, at(IMAGE_RULE.sbomMissing, `${name}: the recorded SBOM ${digest} is not in ${host}/${repository} (expected the SBOM the recipe records)`)];
  if (stored.digest !== digest) out.push(at(IMAGE_RULE.sbomMismatch, `${name}: the registry returned ${stored.digest} for the SBOM ${digest}`));
  if (stored.subject !== image) out.push(at(IMAGE_RULE.sbomSubject, `${name}: the SBOM ${digest.slice(0, 19)}… describes ${stored.subject ?? 'no image'} (expected its subject to be the image ${image})`));
  if (!stored.bom) return [...out, at(IMAGE_RULE.sbomComponents, `${name}: the SBOM ${digest.slice(0, 19)}… has no readable CycloneDX layer`)];
  for (const p of sbomProblems(stored.bom, ctx.expectation(name, e))) out.push(at(IMAGE_RULE.sbomComponents, `${name}: the SBOM ${digest.slice(0, 19)}… ${p}`));
  return out;
}

async function entryFindings(ctx: ImageCheckContext, name: string, e: RecipeEntry, at: At): Promise<Finding[]> {
  const ref = parseImageRef(e.image);
  const client = ctx.reads(ref.host);
  const tagged = await client.manifestDigest(ref.repository, e.commit);
  if (!tagged) return [at(IMAGE_RULE.missing, `${name}: ${e.image} is not in its registry (expected the image of the pin pushed: eleventh images --push)`)];
  const out: Finding[] = [];
  if (!e.imageDigest) out.push(at(IMAGE_RULE.unrecorded, `${name}: the recipe records no imageDigest; ${e.image} is ${tagged} (expected \`eleventh recipe --images\` to record it)`));
  else if (tagged !== e.imageDigest) {
    const exists = (await client.manifestDigest(ref.repository, e.imageDigest)) === e.imageDigest;
    out.push(at(IMAGE_RULE.mismatch, `${name}: ${e.image} is ${tagged}, but the recipe records ${e.imageDigest}${exists ? ' (the tag was pushed again)' : ', which the registry does not have (a forged or deleted digest)'} (expected the recorded digest)`));
  }
  return [...out, ...(await sbomFindings(ctx, name, e, ref.repository, ref.host, e.imageDigest ?? tagged, at))];
}

/** Every image finding for one recipe. */
export async function imageFindings(ctx: ImageCheckContext, recipe: Recipe): Promise<Finding[]> {
  const file = recipePath(recipe.environment);
  const lines = ctx.lines(recipe.environment);
  const unreachable = new Map<string, { why: string; count: number }>();
  const perEntry = await mapLimit(Object.entries(recipe.services), 8, async ([name, e]) => {
    const at: At = (rule, message) => finding(file, rule, message, lines.get(name));
    try {
      return await entryFindings(ctx, name, e, at);
    } catch (err) {
      if (err instanceof ImageRefError) return [at(IMAGE_RULE.reference, `${name}: ${err.message}`)];
      if (!(err instanceof RegistryError)) throw err;
      const host = e.image.split('/')[0]!;
      const seen = unreachable.get(host);
      unreachable.set(host, { why: seen?.why ?? err.message, count: (seen?.count ?? 0) + 1 });
      return [];
    }
  });
  const down = [...unreachable].map(([, u]) => finding(file, IMAGE_RULE.unreachable, `${u.why}: ${u.count} image(s) of this recipe not checked`));
  return [...perEntry.flat(), ...down];
}
