import { describe, expect, it } from 'vitest';
import { serviceLines } from './lines';
import { parseRecipe, serializeRecipe } from './recipe';

const sha = (c: string) => c.repeat(40);

describe('serviceLines', () => {
  it('names the line of each entry in a recipe the engine wrote', () => {
    const entry = (n: string) => ({ namespace: 'payments', commit: sha('a'), image: `r.example.com/${n}:${sha('a')}`, digest: `sha256:${'e'.repeat(64)}`, inputs: 'f'.repeat(64), imageDigest: `sha256:${'1'.repeat(64)}` });
    const text = serializeRecipe({ environment: 'staging', services: { 'a-api': entry('a-api'), 'true': entry('true') } });
    const lines = text.split('\n');
    const at = serviceLines(text);
    expect(lines[at.get('a-api')! - 1]).toBe('  a-api:');
    expect(lines[at.get('true')! - 1]).toBe('  "true":');
    expect(at.size).toBe(2);
  });

  it('reads a hand-edited recipe (comments, single quotes) and ignores keys outside services', () => {
    const text = ['apiVersion: eleventh.dev/v1', 'addons:', '  cert-manager:', '    chart: x', 'services:   # pinned', "  'it''s':", '    namespace: a', '  b-api:  # note', '    namespace: b'].join('\n');
    expect([...serviceLines(text)]).toEqual([["it's", 6], ['b-api', 8]]);
  });
});

describe('recipe digests', () => {
  const base = { namespace: 'payments', commit: sha('a'), image: `r.example.com/api:${sha('a')}`, digest: `sha256:${'e'.repeat(64)}`, inputs: 'f'.repeat(64), manifest: 'ab'.repeat(32) };
  it('writes imageDigest and sbomDigest after inputs and reads them back', () => {
    const entry = { ...base, imageDigest: `sha256:${'1'.repeat(64)}`, sbomDigest: `sha256:${'2'.repeat(64)}` };
    const text = serializeRecipe({ environment: 'staging', services: { api: entry } });
    expect(text.split('\n').slice(5, 13).map((l) => l.trim().split(':')[0])).toEqual(['api', 'namespace', 'commit', 'image', 'digest', 'inputs', 'imageDigest', 'sbomDigest']);
    expect(parseRecipe(text, 'r.yaml').services.api).toEqual(entry);
  });

  it('refuses a digest that is not sha256:<64 hex>, and an SBOM digest without an image digest', () => {
    const text = (extra: string) => `apiVersion: eleventh.dev/v1\nkind: Recipe\nenvironment: staging\nservices:\n  api:\n    namespace: payments\n    commit: "${sha('a')}"\n    image: x\n    digest: y\n    inputs: z\n${extra}`;
    expect(() => parseRecipe(text('    imageDigest: sha256:abc\n'), 'r.yaml')).toThrow("service 'api' imageDigest 'sha256:abc' is not a digest");
    expect(() => parseRecipe(text(`    sbomDigest: sha256:${'2'.repeat(64)}\n`), 'r.yaml')).toThrow("service 'api' has a sbomDigest but no imageDigest");
  });
});
