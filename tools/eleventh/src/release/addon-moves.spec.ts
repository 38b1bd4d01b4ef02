import { describe, expect, it } from 'vitest';
import type { Recipe } from '../model';
import { addonMovesBetween, describeAddonMove } from './addon-moves';

const addon = (version: string, values = 'sha256:aaaaaaaaaaaa1111') => ({ chart: 'traefik', version, repository: 'https://traefik.github.io/charts', values });
const recipe = (addons: Recipe['addons']): Recipe => ({ environment: 'staging', services: {}, ...(addons ? { addons } : {}) });

describe('add-on moves', () => {
  it('a version bump, new values, an added and a removed add-on; unchanged ones are not moves', () => {
    const before = recipe({ traefik: addon('40.0.0'), kyverno: addon('3.9.2'), keep: addon('1.0.0') });
    const after = recipe({ traefik: addon('40.0.1'), kyverno: addon('3.9.2', 'sha256:bbbbbbbbbbbb2222'), keep: addon('1.0.0'), added: addon('2.0.0') });
    expect(addonMovesBetween(before, after).map(describeAddonMove)).toEqual([
      'added (new) → 2.0.0',
      'kyverno 3.9.2 (values aaaaaaaaaaaa → bbbbbbbbbbbb)',
      'traefik 40.0.0 → 40.0.1',
    ]);
    expect(addonMovesBetween(after, recipe(undefined)).map(describeAddonMove)).toContain('traefik 40.0.1 → (removed)');
    expect(addonMovesBetween(before, before)).toEqual([]);
  });
});
