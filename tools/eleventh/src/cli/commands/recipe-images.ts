/** What `recipe --images` says about the registries: digests recorded, images still missing. */
import type { ImageAnswer } from '../../images/lookup';

export interface ImagesSummary {
  /** Images whose digest the recipes now record (kept or read this run). */
  readonly recorded: number;
  /** Images with an SBOM digest recorded. */
  readonly sboms: number;
  /** `env/service image` of each image the registries lack. */
  readonly missing: readonly { environment: string; service: string; image: string }[];
}

export function imagesJson(answers: readonly ImageAnswer[]): ImagesSummary {
  return {
    recorded: answers.filter((a) => a.found.imageDigest).length,
    sboms: answers.filter((a) => a.found.sbomDigest).length,
    missing: answers.filter((a) => !a.found.imageDigest).map((a) => ({ environment: a.environment, service: a.service, image: a.image })),
  };
}

export function imageNote(answers: readonly ImageAnswer[]): string {
  const s = imagesJson(answers);
  const missing = s.missing.length > 0 ? `; ${s.missing.length} not in their registries yet (${s.missing.slice(0, 3).map((m) => `${m.environment}/${m.service}`).join(', ')}${s.missing.length > 3 ? ', …' : ''}): pinned by tag until pushed` : '';
  return `eleventh: images: ${s.recorded} of ${answers.length} digest(s) recorded, ${s.sboms} with an SBOM${missing}`;
}
