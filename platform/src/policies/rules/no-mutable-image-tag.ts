/**
 * `no-mutable-image-tag`: images are pinned to a 40-hex commit tag or a sha256 digest, so what runs
 * is exactly what the recipe says.
 */
import type { PolicyRule } from '../types';
import { containersOf } from '../containers';

const PINNED = /(:[0-9a-f]{40}|@sha256:[0-9a-f]{64})$/;

/** True for an image ending in `:<40-hex>` or `@sha256:<64-hex>`. */
export function isPinnedImage(image: unknown): boolean {
  return typeof image === 'string' && PINNED.test(image);
}

function check(object: Readonly<Record<string, unknown>>): string[] {
  return containersOf(object)
    .filter(({ container }) => !isPinnedImage(container.image))
    .map(({ label, container }) => `${label} image '${container.image ?? ''}' is mutable (expected ':<40-hex commit>' or '@sha256:<digest>')`);
}

export const noMutableImageTag: PolicyRule = {
  name: 'no-mutable-image-tag',
  description: "images end in ':<40-hex commit>' or '@sha256:<digest>'",
  check,
};
