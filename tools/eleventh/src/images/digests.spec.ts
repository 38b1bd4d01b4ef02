import { describe, expect, it } from 'vitest';
import type { RecipeEntry } from '../model';
import { keptDigests, recordedDigests, withDigests, workloadImage } from './digests';
import { missingImageFindings } from './require';

const PIN = 'a'.repeat(40);
const IMAGE = `registry.example.com/acme/api:${PIN}`;
const D = `sha256:${'1'.repeat(64)}`;
const S = `sha256:${'2'.repeat(64)}`;
const entry: RecipeEntry = { namespace: 'payments', commit: PIN, image: IMAGE, digest: `sha256:${'e'.repeat(64)}`, inputs: 'f'.repeat(64), imageDigest: D, sbomDigest: S };

describe('image digests in recipe entries', () => {
  it('a workload references image@digest once the digest is known, the tag before', () => {
    expect(workloadImage(IMAGE, { imageDigest: D })).toBe(`${IMAGE}@${D}`);
    expect(workloadImage(IMAGE, {})).toBe(IMAGE);
    expect(workloadImage(IMAGE, undefined)).toBe(IMAGE);
  });

  it('keeps the digests while the pin and the image stay, and drops them when either moves', () => {
    expect(keptDigests(entry, PIN, IMAGE)).toEqual({ imageDigest: D, sbomDigest: S });
    expect(keptDigests(entry, 'b'.repeat(40), IMAGE.replace(PIN, 'b'.repeat(40)))).toEqual({});
    expect(keptDigests(entry, PIN, `other.example.com/acme/api:${PIN}`)).toEqual({});
    expect(keptDigests(undefined, PIN, IMAGE)).toEqual({});
    expect(keptDigests({ ...entry, sbomDigest: undefined }, PIN, IMAGE)).toEqual({ imageDigest: D });
  });

  it('sets exactly the known digests on an entry (an SBOM digest never without an image digest)', () => {
    const { imageDigest: _i, sbomDigest: _s, ...bare } = entry;
    expect(withDigests(entry, undefined)).toEqual(bare);
    expect(withDigests(bare, { imageDigest: D })).toEqual({ ...bare, imageDigest: D });
    expect(withDigests(bare, { sbomDigest: S })).toEqual(bare);
    expect(recordedDigests({ api: entry, web: bare })).toEqual({ api: { imageDigest: D, sbomDigest: S } });
  });
});

describe('recipe --require-images findings', () => {
  it('one finding per missing image, at the line its entry would have', () => {
    const text = 'services:\n  api:\n    namespace: payments\n  web:\n    namespace: web\n';
    const answers = [
      { environment: 'staging', service: 'web', image: 'r.example.com/web:x', known: {}, found: {} },
      { environment: 'staging', service: 'api', image: IMAGE, known: {}, found: { imageDigest: D } },
    ];
    expect(missingImageFindings(answers, () => text)).toEqual([
      { file: 'environments/staging/recipe.yaml', line: 4, rule: 'images/missing', message: "web: r.example.com/web:x is not in its registry (expected the pin's image pushed before it is pinned: eleventh images --push)" },
    ]);
  });
});
