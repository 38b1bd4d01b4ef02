import { describe, expect, it } from 'vitest';
import { serviceLines } from './lines';
import { serializeRecipe } from './recipe';

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
