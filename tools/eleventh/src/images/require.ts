/**
 * `recipe --require-images`: a recipe may not pin an image its registry lacks. Each such image is a finding
 * (rule images/missing) at the line its entry would have in the recipe; exit 1, nothing written.
 */
import { ElevenError } from '../errors';
import { finding, formatFinding, sortFindings, type Finding } from '../findings';
import { serviceLines } from '../recipe/lines';
import { recipePath } from '../recipe/recipe';
import type { ImageAnswer } from './lookup';

export const MISSING_IMAGE_RULE = 'images/missing';

export class MissingImagesError extends ElevenError {
  readonly exitCode = 1;
  constructor(readonly findings: readonly Finding[]) {
    super(findings.map(formatFinding).join('\n'));
    this.name = 'MissingImagesError';
  }
  report(): string {
    return `${this.message}\neleventh: recipe --require-images: ${this.findings.length} image(s) not in their registries, nothing written (push them first: eleventh images --push)`;
  }
}

/** One finding per image the registries lack; `recipeText(env)` is the recipe as it would be written. */
export function missingImageFindings(answers: readonly ImageAnswer[], recipeText: (env: string) => string | undefined): Finding[] {
  const lines = new Map<string, ReadonlyMap<string, number>>();
  const lineOf = (env: string, service: string): number | undefined => {
    if (!lines.has(env)) lines.set(env, serviceLines(recipeText(env) ?? ''));
    return lines.get(env)!.get(service);
  };
  return sortFindings(
    answers
      .filter((a) => !a.found.imageDigest)
      .map((a) => finding(recipePath(a.environment), MISSING_IMAGE_RULE, `${a.service}: ${a.image} is not in its registry (expected the pin's image pushed before it is pinned: eleventh images --push)`, lineOf(a.environment, a.service))),
  );
}

export function refuseMissingImages(answers: readonly ImageAnswer[] | undefined, recipeText: (env: string) => string | undefined): void {
  const findings = missingImageFindings(answers ?? [], recipeText);
  if (findings.length > 0) throw new MissingImagesError(findings);
}
