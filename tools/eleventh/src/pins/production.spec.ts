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
    // the non-Node service templates: lockfiles and build files count, their tests do not
    ['pom.xml', true],
    ['src/main/java/app/Main.java', true],
    ['src/test/java/app/RoutesTest.java', false],
    ['src/test/resources/fixture.json', false],
    ['src/testing/helper.ts', true],
    ['requirements.lock', true],
    ['app/main.py', true],
    ['tests/test_routes.py', false],
    ['app/routes_test.py', false],
    ['app/contest_py.py', true],
    ['go.mod', true],
    ['go.sum', true],
    ['routes.go', true],
    ['routes_test.go', false],
    ['nginx.conf', true],
    ['public/index.html', true],
    ['test/site.test.mjs', false],
  ])('%s → %s', (file, expected) => {
    expect(isProductionFile(file)).toBe(expected);
  });

  it("excludes a service's own deploy.ts but not a library file of that name", () => {
    expect(isImageInputFile('deploy.ts', true)).toBe(false);
    expect(isImageInputFile('deploy.ts', false)).toBe(true);
    expect(isImageInputFile('src/deploy.ts', true)).toBe(true);
  });
});
