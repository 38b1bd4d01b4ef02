import { describe, expect, it } from 'vitest';
import { isImageInputFile, isProductionFile } from './production';

describe('production files', () => {
  it.each([
    ['src/main.ts', true],
    ['Dockerfile', true],
    ['project.json', true],
    ['src/main.spec.ts', false],
    ['src/main.test.ts', false],
    ['src/__tests__/helper.ts', false],
    ['README.md', false],
    ['README', false],
    ['docs/usage.txt', false],
    ['src/docs/real.ts', true],
    ['CHANGELOG.md', false],
    ['vitest.config.mts', false],
  ])('%s → %s', (file, expected) => {
    expect(isProductionFile(file)).toBe(expected);
  });

  it("excludes a service's own deploy.ts but not a library file of that name", () => {
    expect(isImageInputFile('deploy.ts', true)).toBe(false);
    expect(isImageInputFile('deploy.ts', false)).toBe(true);
    expect(isImageInputFile('src/deploy.ts', true)).toBe(true);
  });
});
