/**
 * Promotion across registries: when a promoted environment (or a mirror of it) pulls from another registry
 * than its source, the release's images are copied there by digest — image and SBOM, tagged with the pin
 * and `<pin>.sbom` — before anything is written. A service whose source entry records no imageDigest, or
 * whose image cannot be read from the source registry, refuses the promotion: nothing is copied by tag.
 */
import { copyImage } from '../images/copy';
import { Registries } from '../images/registries';
import type { RegistryOptions } from '../images/registry/client';
import { RegistryError } from '../images/registry/errors';
import { ImageRefError, parseImageRef } from '../images/registry/reference';
import { sbomTag } from '../images/sbom/model';
import type { Recipe } from '../model';
import { recipePath } from '../recipe/recipe';
import { ReleaseRefusedError } from './errors';

export interface ImageCopy {
  readonly environment: string;
  readonly service: string;
  /** `<source registry>/<svc>:<pin>` */
  readonly from: string;
  /** `<target registry>/<svc>:<pin>` */
  readonly to: string;
  readonly pin: string;
  readonly imageDigest?: string;
  readonly sbomDigest?: string;
}

/** `<registry>/<svc>` of `<registry>/<svc>:<pin>` (no parsing: any registry the config accepts compares). */
const repoOf = (image: string): string => image.slice(0, image.lastIndexOf(':'));

/** The copies `target` needs from `source` (its services whose image lives in another repository). */
export function imageCopies(source: Recipe, target: Recipe): ImageCopy[] {
  return Object.entries(target.services).flatMap(([service, e]) => {
    const from = source.services[service];
    if (!from || !e.image || repoOf(from.image) === repoOf(e.image)) return [];
    return [{ environment: target.environment, service, from: from.image, to: e.image, pin: e.commit, ...(from.imageDigest ? { imageDigest: from.imageDigest } : {}), ...(from.sbomDigest ? { sbomDigest: from.sbomDigest } : {}) }];
  });
}

function refusalWithoutDigest(c: ImageCopy, source: Recipe): string {
  return `${recipePath(c.environment)}: ${c.service}: cannot copy ${c.from} to ${c.to}: ${source.environment}'s recipe records no imageDigest for it (expected \`eleventh recipe --images\` to have recorded it: images cross registries only by digest)`;
}

async function copyOne(registries: Registries, c: ImageCopy & { imageDigest: string }): Promise<void> {
  const a = parseImageRef(c.from);
  const b = parseImageRef(c.to);
  const from = { client: registries.client(a.host), repository: a.repository };
  const to = { client: registries.client(b.host), repository: b.repository };
  await copyImage(from, to, c.imageDigest, c.pin);
  if (c.sbomDigest) await copyImage(from, to, c.sbomDigest, sbomTag(c.pin));
}

/**
 * Copy every image the plans need, or refuse (ReleaseRefusedError, exit 2) naming each service that cannot
 * be copied. Without copies it asks no registry.
 */
export async function copyReleaseImages(action: string, source: Recipe, targets: readonly Recipe[], options: RegistryOptions = {}, log?: (line: string) => void): Promise<ImageCopy[]> {
  const copies = targets.flatMap((t) => imageCopies(source, t));
  const refusals = copies.filter((c) => !c.imageDigest).map((c) => refusalWithoutDigest(c, source));
  if (refusals.length > 0) throw new ReleaseRefusedError(action, refusals);
  const registries = new Registries(options);
  for (const c of copies) {
    try {
      await copyOne(registries, c as ImageCopy & { imageDigest: string });
    } catch (err) {
      if (!(err instanceof RegistryError) && !(err instanceof ImageRefError)) throw err;
      refusals.push(`${recipePath(c.environment)}: ${c.service}: cannot copy ${c.from}@${c.imageDigest} to ${c.to}: ${err.message}`);
      continue;
    }
    log?.(`eleventh: copied ${c.from}@${c.imageDigest!.slice(0, 19)} → ${c.to}${c.sbomDigest ? ' (and its SBOM)' : ''}`);
  }
  if (refusals.length > 0) throw new ReleaseRefusedError(action, refusals);
  return copies;
}
