/**
 * The registry digests a recipe entry carries (`imageDigest`, `sbomDigest`) and the rules that move them:
 * a digest is read from the registry only when asked (`recipe --images`), kept while the entry's pin and
 * image stay, copied by promotion, and makes the workloads reference `image@imageDigest`.
 */
import type { RecipeEntry } from '../model';

export interface KnownDigests {
  /** `sha256:<hex>` of the image manifest the pin's tag pointed to when it was recorded. */
  readonly imageDigest?: string;
  /** `sha256:<hex>` of its CycloneDX SBOM artifact manifest (subject = imageDigest). */
  readonly sbomDigest?: string;
}

/** service name → its digests in one environment (plain data: it crosses the render workers' boundary). */
export type EnvDigests = Readonly<Record<string, KnownDigests>>;

/** What a workload's `image:` says: `<registry>/<svc>:<pin>@<imageDigest>` once the digest is known, else the tag. */
export function workloadImage(image: string, known: KnownDigests | undefined): string {
  return known?.imageDigest ? `${image}@${known.imageDigest}` : image;
}

/** The digests of `prev` that still hold for an entry at `commit` with `image`: a digest stays while the pin and image stay. */
export function keptDigests(prev: RecipeEntry | undefined, commit: string, image: string): KnownDigests {
  if (!prev?.imageDigest || prev.commit !== commit || prev.image !== image) return {};
  return { imageDigest: prev.imageDigest, ...(prev.sbomDigest ? { sbomDigest: prev.sbomDigest } : {}) };
}

/** The digests recorded in a set of entries (promotion and seeds copy them with the pins). */
export function recordedDigests(entries: Readonly<Record<string, RecipeEntry>>): Record<string, KnownDigests> {
  const out: Record<string, KnownDigests> = {};
  for (const [name, e] of Object.entries(entries)) {
    if (e.imageDigest) out[name] = { imageDigest: e.imageDigest, ...(e.sbomDigest ? { sbomDigest: e.sbomDigest } : {}) };
  }
  return out;
}

/** `entry` with exactly the digests of `known` (none when it knows none). */
export function withDigests(entry: RecipeEntry, known: KnownDigests | undefined): RecipeEntry {
  const { imageDigest: _i, sbomDigest: _s, ...rest } = entry;
  if (!known?.imageDigest) return rest;
  return { ...rest, imageDigest: known.imageDigest, ...(known.sbomDigest ? { sbomDigest: known.sbomDigest } : {}) };
}
