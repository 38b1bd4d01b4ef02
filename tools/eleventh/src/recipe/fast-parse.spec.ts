import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fastParseRecipe } from './fast-parse';
import { parseRecipe, serializeRecipe } from './recipe';
import type { Recipe } from '../model';

const sha = (c: string) => c.repeat(40);
const recipe: Recipe = {
  environment: 'prod',
  promotedFrom: { environment: 'preprod', commit: sha('1'), tag: 'prod-v7' },
  services: Object.fromEntries(
    ['a-api', 'b-worker', 'true', '0x1f'].map((n, i) => [
      n,
      { namespace: 'payments', commit: sha(String(i)), image: `registry.example.com/acme/${n}:${sha(String(i))}`, digest: `sha256:${'e'.repeat(64)}`, inputs: '0'.repeat(63) + '1', manifest: 'ab'.repeat(32) },
    ]),
  ),
};

describe('fastParseRecipe', () => {
  it('reads what serializeRecipe writes exactly as the yaml package does', () => {
    const text = serializeRecipe(recipe);
    expect(fastParseRecipe(text)).toEqual(parse(text));
    expect(parseRecipe(text, 'r.yaml')).toEqual(recipe);
  });

  it('reads an empty service map', () => {
    const text = serializeRecipe({ environment: 'staging', services: {} });
    expect(fastParseRecipe(text)).toEqual(parse(text));
  });

  it.each([
    ['a comment', (t: string) => t.replace('kind: Recipe', 'kind: Recipe # edited')],
    ['a flow map', (t: string) => t.replace(/services:\n/, 'services: {x: 1}\nother:\n')],
    ['odd indentation', (t: string) => t.replace('    namespace: payments', '   namespace: payments')],
    ['a duplicate key', (t: string) => `${t}environment: again\n`],
    ['a number-looking plain scalar', (t: string) => t.replace('environment: prod', 'environment: 1e3')],
  ])('gives up on %s (the yaml parser decides)', (_name, edit) => {
    expect(fastParseRecipe(edit(serializeRecipe(recipe)))).toBeUndefined();
  });
});
