/**
 * Reading digests from the registries, for `recipe --images` / `--require-images`: one manifest HEAD per
 * image whose digest is not recorded yet (a recorded one stays while the pin stays), and the SBOM beside
 * each image found. Bounded concurrency; one client per registry host.
 */
import type { KnownDigests } from './digests';
import { ImageRefError, parseImageRef, type ImageRef } from './registry/reference';
import { RegistryError } from './registry/errors';
import type { Registries } from './registries';
import { findSbom } from './sbom/find';
import { mapLimit } from './limit';

export interface ImageQuery {
  readonly environment: string;
  readonly service: string;
  /** `<registry>/<service>:<pin>` */
  readonly image: string;
  /** What the recipe already records for it (kept). */
  readonly known: KnownDigests;
}

export interface ImageAnswer extends ImageQuery {
  /** The digests now known; `imageDigest` absent when the registry lacks the tag. */
  readonly found: KnownDigests;
}

/** A recipe image as a registry reference; one a registry cannot be asked about (`registry: r`) is exit 2. */
function imageRefOf(image: string): ImageRef {
  try {
    return parseImageRef(image);
  } catch (err) {
    if (err instanceof ImageRefError) throw new RegistryError(`${err.message}: no registry can be asked about it (set environment.yaml 'registry' to a registry host, or run without --images)`, { cause: err });
    throw err;
  }
}

export type ImageLookup = (queries: readonly ImageQuery[]) => Promise<ImageAnswer[]>;

/** Asks the registries for what `known` lacks: the image's digest (by its pin tag), then its SBOM's. */
export function registryLookup(registries: Registries): ImageLookup {
  const memo = new Map<string, Promise<KnownDigests>>();
  const ask = (image: string, known: KnownDigests): Promise<KnownDigests> => {
    const key = `${image} ${known.imageDigest ?? ''}`;
    let answer = memo.get(key);
    if (!answer) {
      answer = (async () => {
        const ref = imageRefOf(image);
        const client = registries.client(ref.host);
        const imageDigest = known.imageDigest ?? (await client.manifestDigest(ref.repository, ref.tag!));
        if (!imageDigest) return {};
        const sbomDigest = known.sbomDigest ?? (await findSbom(client, ref.repository, ref.tag!, imageDigest));
        return { imageDigest, ...(sbomDigest ? { sbomDigest } : {}) };
      })();
      memo.set(key, answer);
    }
    return answer;
  };
  return (queries) => mapLimit(queries, 8, async (q) => (q.known.imageDigest && q.known.sbomDigest ? { ...q, found: q.known } : { ...q, found: await ask(q.image, q.known) }));
}
