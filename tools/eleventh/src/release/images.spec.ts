import { describe, expect, it } from 'vitest';
import type { Recipe, RecipeEntry } from '../model';
import { imageCopies } from './images';

const PIN = 'a'.repeat(40);
const D = `sha256:${'1'.repeat(64)}`;
const entry = (registry: string, extra: Partial<RecipeEntry> = {}): RecipeEntry => ({ namespace: 'payments', commit: PIN, image: `${registry}/api:${PIN}`, digest: `sha256:${'e'.repeat(64)}`, inputs: 'f', ...extra });
const recipe = (environment: string, e: RecipeEntry): Recipe => ({ environment, services: { api: e } });

describe('imageCopies', () => {
  it('needs no copy when source and target share the repository', () => {
    expect(imageCopies(recipe('staging', entry('r.example.com/acme', { imageDigest: D })), recipe('preprod', entry('r.example.com/acme')))).toEqual([]);
  });

  it('copies by the source digest into another registry or another path on the same host', () => {
    const source = recipe('staging', entry('r.example.com/acme', { imageDigest: D }));
    expect(imageCopies(source, recipe('prod', entry('prod.example.com/acme')))).toEqual([{ environment: 'prod', service: 'api', from: `r.example.com/acme/api:${PIN}`, to: `prod.example.com/acme/api:${PIN}`, pin: PIN, imageDigest: D }]);
    expect(imageCopies(source, recipe('prod', entry('r.example.com/prod')))[0]!.to).toBe(`r.example.com/prod/api:${PIN}`);
  });

  it('lists a copy without a digest (refused later) when the source records none', () => {
    expect(imageCopies(recipe('staging', entry('r.example.com/acme')), recipe('prod', entry('p.example.com/acme')))[0]!.imageDigest).toBeUndefined();
  });
});
